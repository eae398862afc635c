package io.tollgate.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterInfo;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Skips a PostgreSQL test class when no server answers, except under CI=true, where the class runs
 * and fails: CI must never go green by skipping the production database. On a class run once per
 * {@link TestDatabase.Kind} ({@code @ParameterizedClass}), it decides per invocation: only the POSTGRES one.
 */
public class RequiresPostgres implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        TestDatabase.Kind kind = kindOf(context);
        if (kind == TestDatabase.Kind.H2) {
            return ConditionEvaluationResult.enabled("H2 needs no server");
        }
        if (kind == null && context.getTestClass()
                .filter(type -> AnnotationSupport.isAnnotated(type, ParameterizedClass.class)).isPresent()) {
            return ConditionEvaluationResult.enabled("decided for each database's invocation");
        }
        String reason = PostgresServer.unreachableReason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL is reachable");
        }
        if (PostgresServer.required()) {
            return ConditionEvaluationResult.enabled("CI=true: running so that the missing database fails the build");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    /**
     * The database kind of the parameterised-class invocation the context is in; null outside one. Walks up, as a
     * {@code @ParameterizedTest} inside the class has arguments of its own.
     */
    static TestDatabase.Kind kindOf(ExtensionContext context) {
        for (ExtensionContext at = context; at != null; at = at.getParent().orElse(null)) {
            ParameterInfo info = ParameterInfo.get(at);
            if (info != null && info.getArguments().size() > 0
                    && info.getArguments().get(0) instanceof TestDatabase.Kind kind) {
                return kind;
            }
        }
        return null;
    }
}
