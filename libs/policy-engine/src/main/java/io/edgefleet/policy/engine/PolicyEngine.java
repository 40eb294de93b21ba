package io.edgefleet.policy.engine;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles policy rules written in CEL (Google's {@code dev.cel:cel}) and bounds what they may
 * cost. One instance per service, shared by every thread: compiled rules are immutable.
 *
 * <p>A rule sees {@code device}, {@code cluster}, {@code params} (maps), {@code now} (timestamp)
 * and, for admission rules, {@code request}; the standard macros, the strings, math, sets, lists
 * and bindings extensions, and {@link VersionFunctions}. It returns bool (true when compliant) or
 * a list of violations; anything else is refused when it is compiled.
 */
public final class PolicyEngine {

    private final CostLimits limits;
    private final Map<RuleKind, Cel> environments = new EnumMap<>(RuleKind.class);

    public PolicyEngine(CostLimits limits) {
        this.limits = limits;
        CelOptions options = CelOptions.current()
                .comprehensionMaxIterations(limits.maxIterations())
                .maxExpressionCodePointSize(limits.maxExpressionLength())
                .maxParseRecursionDepth(64)
                .enableHeterogeneousNumericComparisons(true)
                .enableTimestampEpoch(true)
                .build();
        for (RuleKind kind : RuleKind.values()) {
            environments.put(kind, environment(kind, options));
        }
        warmUp();
    }

    /**
     * Loads and exercises CEL's runtime once, so the first real evaluation of a fresh JVM is not
     * stopped by the time limit for what is class loading, not the rule's cost.
     */
    private void warmUp() {
        try {
            RuleSource warmUp = RuleSource.of("cluster.nodes.all(n, n.name != '') && request.kind == 'command'",
                    RuleKind.ADMISSION, null, "warm-up");
            new CompiledRule(warmUp, environments.get(RuleKind.ADMISSION).createProgram(environments.get(RuleKind.ADMISSION)
                    .compile(warmUp.expression()).getAst()), untimed(limits)).evaluate(SampleDocuments.largest(warmUp));
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalStateException("CEL does not run here", e);
        }
    }

    /** The same limits without the wall-clock one: what a rule costs in steps and iterations does not vary by machine. */
    private static CostLimits untimed(CostLimits limits) {
        return new CostLimits(limits.maxExpressionLength(), limits.maxLoopNesting(), limits.maxIterations(), limits.maxSteps(),
                java.time.Duration.ofDays(1));
    }

    public CostLimits limits() {
        return limits;
    }

    /**
     * The rule, ready to evaluate.
     *
     * @throws RuleRejected when it does not compile (with line and column), does not return bool
     *                      or a list, nests loops too deep, or costs too much on the largest
     *                      device this fleet models
     */
    public CompiledRule compile(RuleSource source) throws RuleRejected {
        String expression = source.expression();
        if (expression == null || expression.isBlank()) {
            throw RuleRejected.of("the rule is empty");
        }
        int length = expression.codePointCount(0, expression.length());
        if (length > limits.maxExpressionLength()) {
            throw RuleRejected.of("the rule has " + length + " characters; at most " + limits.maxExpressionLength());
        }
        Cel cel = environments.get(source.kind());
        CelAbstractSyntaxTree ast;
        try {
            ast = cel.compile(expression).getAst();
        } catch (CelValidationException e) {
            throw new RuleRejected(e.getErrors().stream().map(PolicyEngine::problem).toList());
        }
        requireVerdictType(ast);
        requireLoopNesting(ast);
        CompiledRule rule;
        try {
            rule = new CompiledRule(source, cel.createProgram(ast), limits);
        } catch (CelEvaluationException e) {
            throw RuleRejected.of(e.getMessage());
        }
        // Tried by steps and iterations only: a wall-clock limit would refuse a rule on a busy or cold machine.
        Verdict trial = new CompiledRule(source, rule.program(), untimed(limits)).evaluate(SampleDocuments.largest(source));
        if (trial.outcome() == Verdict.Outcome.TOO_EXPENSIVE) {
            throw RuleRejected.of("the rule costs too much: on a device of a " + SampleDocuments.NODES
                    + "-node cluster it " + trial.error());
        }
        return rule;
    }

    private static RuleRejected.Problem problem(CelIssue issue) {
        return new RuleRejected.Problem(issue.getMessage(), issue.getSourceLocation().getLine(),
                issue.getSourceLocation().getColumn() + 1);
    }

    private static void requireVerdictType(CelAbstractSyntaxTree ast) throws RuleRejected {
        CelKind kind = ast.getResultType().kind();
        if (kind != CelKind.BOOL && kind != CelKind.LIST) {
            throw RuleRejected.of("the rule returns " + ast.getResultType().name()
                    + "; a rule returns bool (true when compliant) or a list of violations");
        }
    }

    private void requireLoopNesting(CelAbstractSyntaxTree ast) throws RuleRejected {
        long deepest = CelNavigableAst.fromAst(ast).getRoot().allNodes()
                .filter(PolicyEngine::isLoop).mapToLong(PolicyEngine::loopDepth).max().orElse(0);
        if (deepest > limits.maxLoopNesting()) {
            throw RuleRejected.of("the rule nests " + deepest + " loops (all, exists, map, filter) inside one another; at most "
                    + limits.maxLoopNesting());
        }
    }

    /** A comprehension that iterates: {@code cel.bind} is one over an empty list, a name rather than a loop. */
    private static boolean isLoop(CelNavigableExpr node) {
        if (node.getKind() != CelExpr.ExprKind.Kind.COMPREHENSION) {
            return false;
        }
        CelExpr range = node.expr().comprehension().iterRange();
        return !(range.getKind() == CelExpr.ExprKind.Kind.LIST && range.list().elements().isEmpty());
    }

    /**
     * Loops this one runs inside: a loop over another loop's result ({@code filter(...).map(...)})
     * runs after it, not inside it, so only a loop's body counts, not its range.
     */
    private static long loopDepth(CelNavigableExpr node) {
        long depth = 1;
        CelNavigableExpr child = node;
        for (Optional<CelNavigableExpr> parent = node.parent(); parent.isPresent(); parent = parent.get().parent()) {
            CelNavigableExpr at = parent.get();
            if (isLoop(at) && at.expr().comprehension().iterRange().id() != child.id()) {
                depth++;
            }
            child = at;
        }
        return depth;
    }

    private static Cel environment(RuleKind kind, CelOptions options) {
        MapType document = MapType.create(SimpleType.STRING, SimpleType.DYN);
        var builder = CelFactory.standardCelBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("device", document)
                .addVar("cluster", document)
                .addVar("params", document)
                .addVar("now", SimpleType.TIMESTAMP)
                .addFunctionDeclarations(VersionFunctions.declarations())
                .addFunctionBindings(VersionFunctions.bindings())
                .addCompilerLibraries(CelExtensions.strings(), CelExtensions.math(options), CelExtensions.sets(options),
                        CelExtensions.lists(), CelExtensions.bindings())
                .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.math(options), CelExtensions.sets(options),
                        CelExtensions.lists());
        if (kind == RuleKind.ADMISSION) {
            builder.addVar("request", document);
        }
        return builder.build();
    }
}
