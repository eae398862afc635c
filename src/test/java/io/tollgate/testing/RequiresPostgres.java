package io.tollgate.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a PostgreSQL test class when no server answers, except under CI=true, where the class runs
 * and fails: CI must never go green by skipping the production database.
 */
public class RequiresPostgres implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = PostgresServer.unreachableReason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL is reachable");
        }
        if (PostgresServer.required()) {
            return ConditionEvaluationResult.enabled("CI=true: running so that the missing database fails the build");
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
