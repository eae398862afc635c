package io.tollgate.testing;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.BeforeClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real application on a private database, once per database kind, for an integration class that runs on H2
 * and on PostgreSQL. The class declares
 * <pre>
 * &#64;ParameterizedClass(name = "[{0}]")
 * &#64;EnumSource(TestDatabase.Kind.class)
 * class XxxIT {
 *     &#64;RegisterExtension
 *     static final AppPerDatabase APP = new AppPerDatabase("xxx", TestApp::start);
 *     &#64;Parameter
 *     TestDatabase.Kind kind;
 * </pre>
 * and each invocation (reported as {@code [H2]} and {@code [POSTGRES]}) gets a fresh database and a started
 * application, stopped and dropped when the invocation ends. Without a reachable PostgreSQL the POSTGRES invocation's
 * tests are skipped, except under CI=true, where they run and fail: CI must never go green by skipping the
 * production database (as {@link RequiresPostgres} does for single-database classes). The {@code @Parameter} field
 * is what hands the kind to this extension (JUnit passes on only the arguments the class declares).
 */
public final class AppPerDatabase implements BeforeClassTemplateInvocationCallback,
        AfterClassTemplateInvocationCallback, ExecutionCondition {
    private final String name;
    private final Function<TestDatabase, DropwizardAppExtension<TollgateConfiguration>> start;
    private final RequiresPostgres postgres = new RequiresPostgres();
    private TestDatabase database;
    private DropwizardAppExtension<TollgateConfiguration> app;
    private String skipped;

    /** {@code start} builds the (not yet started) application over the database, e.g. {@code TestApp::start}. */
    public AppPerDatabase(String name, Function<TestDatabase, DropwizardAppExtension<TollgateConfiguration>> start) {
        this.name = name;
        this.start = start;
    }

    public DropwizardAppExtension<TollgateConfiguration> app() {
        abortIfSkipped();
        if (app == null) {
            throw new IllegalStateException("no application outside an invocation of the parameterised class");
        }
        return app;
    }

    public TestDatabase database() {
        abortIfSkipped();
        if (database == null) {
            throw new IllegalStateException("no database outside an invocation of the parameterised class");
        }
        return database;
    }

    /** The POSTGRES invocation's tests are skipped without a reachable server, and run (to fail) under CI=true. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return postgres.evaluateExecutionCondition(context);
    }

    @Override
    public void beforeClassTemplateInvocation(ExtensionContext context) throws Exception {
        TestDatabase.Kind kind = RequiresPostgres.kindOf(context);
        if (kind == null) {
            throw new IllegalStateException("AppPerDatabase needs @ParameterizedClass, @EnumSource(TestDatabase.Kind.class) "
                    + "and a @Parameter TestDatabase.Kind field");
        }
        database = TestDatabase.of(kind, name);
        ConditionEvaluationResult usable = evaluateExecutionCondition(context);
        if (usable.isDisabled()) {
            // Each test is then skipped by the condition; a per-invocation set-up that reaches for the
            // application or the database aborts the invocation instead.
            skipped = usable.getReason().orElse("database unusable");
            return;
        }
        DropwizardAppExtension<TollgateConfiguration> starting = start.apply(database);
        starting.before();
        app = starting;
    }

    @Override
    public void afterClassTemplateInvocation(ExtensionContext context) {
        try {
            if (app != null) {
                app.after(); // TestApp's listener drops the database
            }
        } finally {
            app = null;
            database = null;
            skipped = null;
        }
    }

    private void abortIfSkipped() {
        if (skipped != null) {
            Assumptions.abort(skipped);
        }
    }
}
