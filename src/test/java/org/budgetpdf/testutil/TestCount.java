package org.budgetpdf.testutil;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One line at the end of `mvn test`, even with -q (which hides Surefire's own summary): how many tests passed, failed
 * and were skipped. Registered in META-INF/services; Surefire's JUnit Platform provider loads it.
 */
public final class TestCount implements TestExecutionListener {
    private final AtomicLong passed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) skipped.incrementAndGet();
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) return;
        switch (result.getStatus()) {
            case SUCCESSFUL -> passed.incrementAndGet();
            case ABORTED -> skipped.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        System.out.println("tests: " + passed + " passed, " + failed + " failed, " + skipped + " skipped");
        System.out.flush();
    }
}
