package org.budgetpdf.model;

/** The clerk's free-text explanations of changes; empty strings when not given. */
public record Reasons(String total, String govFund, String stateCapital, String abroad, String carPurchase,
                      String carRunning, String reception, String runningCost) {
}
