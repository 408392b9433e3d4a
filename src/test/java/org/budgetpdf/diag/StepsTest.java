package org.budgetpdf.diag;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Steps#recording}: what the benchmark reads each layout pass of a document from. */
class StepsTest {
    @Test
    void aRecordingHoldsEveryStepThisThreadRanInOrderAndNothingOfOtherThreads() throws Exception {
        Steps.Recorded<String> r = Steps.recording(() -> {
            Steps.time("甲", () -> null);
            Thread other = new Thread(() -> Steps.time("别的线程", () -> null));
            other.start();
            other.join();
            Steps.time("乙", () -> null);
            Steps.time("甲", () -> null);
            return "done";
        });
        assertEquals("done", r.result());
        assertEquals(List.of("甲", "乙", "甲"), r.steps().stream().map(Steps.Run::name).toList());
        r.steps().forEach(s -> assertEquals(true, s.nanos() >= 0, s.toString()));
    }

    @Test
    void aRecordingInsideAnotherKeepsItsOwnStepsAndTheOuterGoesOn() throws Exception {
        Steps.Recorded<List<Steps.Run>> outer = Steps.recording(() -> {
            Steps.time("外", () -> null);
            Steps.Recorded<Object> inner = Steps.recording(() -> Steps.time("内", () -> null));
            Steps.time("外", () -> null);
            return inner.steps();
        });
        assertEquals(List.of("内"), outer.result().stream().map(Steps.Run::name).toList());
        assertEquals(List.of("外", "外"), outer.steps().stream().map(Steps.Run::name).toList());
        assertEquals(List.of(), Steps.recording(() -> null).steps(), "outside a recording nothing is kept");
    }
}
