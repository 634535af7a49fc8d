package io.tributary.view;

import io.tributary.compose.CompositionSettings;
import io.tributary.lint.LintSettings;

/**
 * How the fold composes and lints: part of the log, not of one process's command line. The aggregator writes its
 * settings to the catalog log when it starts, and every tool that folds the log (replay, check, the aggregator after a
 * restart) folds each event with the settings in force at that point of the log, so they all make the same views.
 */
public record FoldSettings(CompositionSettings composition, LintSettings lint) {
    public static final FoldSettings DEFAULT = new FoldSettings(CompositionSettings.DEFAULT, LintSettings.DEFAULT);
}
