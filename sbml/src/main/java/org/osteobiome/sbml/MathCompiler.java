package org.osteobiome.sbml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;
import org.sbml.jsbml.ASTNode;

/**
 * Compiles SBML MathML (as JSBML syntax trees) into {@link Expr} closures. Names resolve, in order, to lambda
 * arguments, the local parameters of a kinetic law, and model symbols (by slot). Calls of function definitions are
 * inlined. Refused with a clear message: {@code delay}, {@code rateOf} and unknown csymbols.
 */
final class MathCompiler {
    /** Avogadro's number as SBML Level 3 defines it. */
    static final double AVOGADRO = 6.02214179e23;

    private final Map<String, Integer> slots;
    private final Map<String, ASTNode> functions;
    private final String where;

    /**
     * @param slots     model symbol → slot in the values array
     * @param functions function-definition id → its lambda
     * @param where     what is being compiled, for messages (e.g. "kinetic law of reaction R1")
     */
    MathCompiler(Map<String, Integer> slots, Map<String, ASTNode> functions, String where) {
        this.slots = slots;
        this.functions = functions;
        this.where = where;
    }

    MathCompiler at(String place) {
        return new MathCompiler(slots, functions, place);
    }

    Expr compile(ASTNode node, Map<String, Double> locals) {
        if (node == null) {
            throw new OsteobiomeException(ErrorCode.UNSUPPORTED, where + " has no math");
        }
        return compile(node, locals, Map.of(), 0);
    }

    /**
     * Continuous switching functions a − b of every two-sided comparison in a boolean expression, so that an
     * integrator can locate the moment a comparison flips even when the whole expression is true only briefly.
     */
    List<Expr> switchingFunctions(ASTNode node) {
        List<Expr> out = new ArrayList<>();
        collectRelations(node, out, 0);
        return out;
    }

    private void collectRelations(ASTNode node, List<Expr> out, int depth) {
        if (node == null || depth > 200) {
            return;
        }
        switch (node.getType()) {
            case RELATIONAL_GT, RELATIONAL_GEQ, RELATIONAL_LT, RELATIONAL_LEQ, RELATIONAL_EQ, RELATIONAL_NEQ -> {
                for (int i = 0; i + 1 < node.getChildCount(); i++) {
                    Expr a = compile(node.getChild(i), Map.of());
                    Expr b = compile(node.getChild(i + 1), Map.of());
                    out.add((t, v) -> a.eval(t, v) - b.eval(t, v));
                }
            }
            default -> {
                for (ASTNode child : node.getChildren()) {
                    collectRelations(child, out, depth + 1);
                }
            }
        }
    }

    /** Names of model symbols an expression reads (lambda arguments and locals excluded; called functions followed). */
    Set<String> symbolsRead(ASTNode node, Set<String> excluded) {
        Set<String> out = new java.util.LinkedHashSet<>();
        collect(node, excluded, out, 0);
        return out;
    }

    private void collect(ASTNode node, Set<String> excluded, Set<String> out, int depth) {
        if (node == null || depth > 200) {
            return;
        }
        if (node.getType() == ASTNode.Type.NAME && !excluded.contains(node.getName())) {
            out.add(node.getName());
        }
        if (node.getType() == ASTNode.Type.FUNCTION && functions.containsKey(node.getName())) {
            // Arguments are read in the caller's scope; the body reads only its arguments.
            for (ASTNode child : node.getChildren()) {
                collect(child, excluded, out, depth + 1);
            }
            return;
        }
        for (ASTNode child : node.getChildren()) {
            collect(child, excluded, out, depth + 1);
        }
    }

    private Expr compile(ASTNode node, Map<String, Double> locals, Map<String, Expr> arguments, int depth) {
        if (depth > 500) {
            throw new OsteobiomeException(ErrorCode.UNSUPPORTED, where + ": function definitions call each other too deeply (recursion?)");
        }
        List<Expr> c = new ArrayList<>();
        ASTNode.Type type = node.getType();
        if (type != ASTNode.Type.FUNCTION && type != ASTNode.Type.LAMBDA) {
            for (ASTNode child : node.getChildren()) {
                c.add(compile(child, locals, arguments, depth + 1));
            }
        }
        switch (type) {
            case INTEGER:
                return Expr.constant(node.getInteger());
            case REAL:
            case REAL_E:
                return Expr.constant(node.getReal());
            case RATIONAL:
                return Expr.constant((double) node.getNumerator() / node.getDenominator());
            case CONSTANT_PI:
                return Expr.constant(Math.PI);
            case CONSTANT_E:
                return Expr.constant(Math.E);
            case CONSTANT_TRUE:
                return Expr.constant(1);
            case CONSTANT_FALSE:
                return Expr.constant(0);
            case NAME_TIME:
                return (t, v) -> t;
            case NAME_AVOGADRO:
                return Expr.constant(AVOGADRO);
            case NAME:
                return name(node.getName(), locals, arguments);
            case PLUS:
            case SUM:
                return sum(c);
            case MINUS:
                if (c.size() == 1) {
                    Expr a = c.get(0);
                    return (t, v) -> -a.eval(t, v);
                }
                return binary(c, (a, b) -> a - b);
            case TIMES:
            case PRODUCT:
                return product(c);
            case DIVIDE:
                return binary(c, (a, b) -> a / b);
            case POWER:
            case FUNCTION_POWER:
                return binary(c, Math::pow);
            case FUNCTION_ROOT:
                if (c.size() == 1) {
                    return unary(c, Math::sqrt);
                }
                return binary(c, (degree, x) -> degree == 2 ? Math.sqrt(x) : degree == 3 ? Math.cbrt(x) : Math.pow(x, 1 / degree));
            case FUNCTION_LOG:
                if (c.size() == 1) {
                    return unary(c, Math::log10);
                }
                return binary(c, (base, x) -> base == 10 ? Math.log10(x) : Math.log(x) / Math.log(base));
            case FUNCTION_LN:
                return unary(c, Math::log);
            case FUNCTION_EXP:
                return unary(c, Math::exp);
            case FUNCTION_ABS:
                return unary(c, Math::abs);
            case FUNCTION_FLOOR:
                return unary(c, Math::floor);
            case FUNCTION_CEILING:
                return unary(c, Math::ceil);
            case FUNCTION_FACTORIAL:
                return unary(c, MathCompiler::factorial);
            case FUNCTION_SIN:
                return unary(c, Math::sin);
            case FUNCTION_COS:
                return unary(c, Math::cos);
            case FUNCTION_TAN:
                return unary(c, Math::tan);
            case FUNCTION_SEC:
                return unary(c, x -> 1 / Math.cos(x));
            case FUNCTION_CSC:
                return unary(c, x -> 1 / Math.sin(x));
            case FUNCTION_COT:
                return unary(c, x -> 1 / Math.tan(x));
            case FUNCTION_SINH:
                return unary(c, Math::sinh);
            case FUNCTION_COSH:
                return unary(c, Math::cosh);
            case FUNCTION_TANH:
                return unary(c, Math::tanh);
            case FUNCTION_SECH:
                return unary(c, x -> 1 / Math.cosh(x));
            case FUNCTION_CSCH:
                return unary(c, x -> 1 / Math.sinh(x));
            case FUNCTION_COTH:
                return unary(c, x -> 1 / Math.tanh(x));
            case FUNCTION_ARCSIN:
                return unary(c, Math::asin);
            case FUNCTION_ARCCOS:
                return unary(c, Math::acos);
            case FUNCTION_ARCTAN:
                return unary(c, Math::atan);
            case FUNCTION_ARCSEC:
                return unary(c, x -> Math.acos(1 / x));
            case FUNCTION_ARCCSC:
                return unary(c, x -> Math.asin(1 / x));
            case FUNCTION_ARCCOT:
                return unary(c, x -> Math.atan(1 / x));
            case FUNCTION_ARCSINH:
                return unary(c, x -> Math.log(x + Math.sqrt(x * x + 1)));
            case FUNCTION_ARCCOSH:
                return unary(c, x -> Math.log(x + Math.sqrt(x * x - 1)));
            case FUNCTION_ARCTANH:
                return unary(c, x -> 0.5 * Math.log((1 + x) / (1 - x)));
            case FUNCTION_ARCSECH:
                return unary(c, x -> Math.log((1 + Math.sqrt(1 - x * x)) / x));
            case FUNCTION_ARCCSCH:
                return unary(c, x -> Math.log(1 / x + Math.sqrt(1 / (x * x) + 1)));
            case FUNCTION_ARCCOTH:
                return unary(c, x -> 0.5 * Math.log((x + 1) / (x - 1)));
            case FUNCTION_MAX:
                return fold(c, Math::max);
            case FUNCTION_MIN:
                return fold(c, Math::min);
            case FUNCTION_REM:
                return binary(c, (a, b) -> a % b);
            case FUNCTION_QUOTIENT:
                return binary(c, (a, b) -> {
                    double q = a / b;
                    return q < 0 ? Math.ceil(q) : Math.floor(q);
                });
            case RELATIONAL_EQ:
                return chain(c, (a, b) -> a == b);
            case RELATIONAL_NEQ:
                return binary(c, (a, b) -> a != b ? 1 : 0);
            case RELATIONAL_GT:
                return chain(c, (a, b) -> a > b);
            case RELATIONAL_GEQ:
                return chain(c, (a, b) -> a >= b);
            case RELATIONAL_LT:
                return chain(c, (a, b) -> a < b);
            case RELATIONAL_LEQ:
                return chain(c, (a, b) -> a <= b);
            case LOGICAL_AND:
                return logical(c, true);
            case LOGICAL_OR:
                return logical(c, false);
            case LOGICAL_XOR:
                return (t, v) -> {
                    boolean r = false;
                    for (Expr e : c) {
                        r ^= Expr.truth(e.eval(t, v));
                    }
                    return r ? 1 : 0;
                };
            case LOGICAL_NOT:
                return unary(c, x -> Expr.truth(x) ? 0 : 1);
            case LOGICAL_IMPLIES:
                return binary(c, (a, b) -> !Expr.truth(a) || Expr.truth(b) ? 1 : 0);
            case FUNCTION_PIECEWISE:
                return piecewise(c);
            case FUNCTION:
                return call(node, locals, arguments, depth);
            case FUNCTION_DELAY:
                throw unsupported("the delay() function (delay differential equations)");
            case FUNCTION_RATE_OF:
                throw unsupported("the rateOf csymbol");
            default:
                throw unsupported("the MathML element " + type);
        }
    }

    private OsteobiomeException unsupported(String what) {
        return new OsteobiomeException(ErrorCode.UNSUPPORTED, where + " uses " + what + ", which osteobiome's SBML importer does not support");
    }

    private Expr name(String name, Map<String, Double> locals, Map<String, Expr> arguments) {
        Expr argument = arguments.get(name);
        if (argument != null) {
            return argument;
        }
        Double local = locals.get(name);
        if (local != null) {
            return Expr.constant(local);
        }
        Integer slot = slots.get(name);
        if (slot == null) {
            throw OsteobiomeException.invalid(where + " refers to '" + name + "', which is not a compartment, species, parameter, "
                    + "species reference or reaction of the model");
        }
        int s = slot;
        return (t, v) -> v[s];
    }

    private Expr call(ASTNode node, Map<String, Double> locals, Map<String, Expr> arguments, int depth) {
        ASTNode lambda = functions.get(node.getName());
        if (lambda == null) {
            throw OsteobiomeException.invalid(where + " calls '" + node.getName() + "', which is not a function definition of the model");
        }
        List<ASTNode> children = lambda.getChildren();
        if (children.isEmpty()) {
            throw OsteobiomeException.invalid("function definition " + node.getName() + " has no body");
        }
        int parameters = children.size() - 1;
        if (node.getChildCount() != parameters) {
            throw OsteobiomeException.invalid(where + " calls " + node.getName() + " with " + node.getChildCount() + " arguments; it takes "
                    + parameters);
        }
        Map<String, Expr> bound = new HashMap<>();
        for (int i = 0; i < parameters; i++) {
            ASTNode bvar = children.get(i);
            String argumentName = bvar.getType() == ASTNode.Type.QUALIFIER_BVAR && bvar.getChildCount() > 0 ? bvar.getChild(0).getName()
                    : bvar.getName();
            bound.put(argumentName, compile(node.getChild(i), locals, arguments, depth + 1));
        }
        // The body sees only its arguments (SBML forbids other names in function definitions), plus time-free constants.
        return compile(children.get(parameters), Map.of(), bound, depth + 1);
    }

    private static Expr sum(List<Expr> c) {
        if (c.isEmpty()) {
            return Expr.constant(0);
        }
        if (c.size() == 2) {
            Expr a = c.get(0);
            Expr b = c.get(1);
            return (t, v) -> a.eval(t, v) + b.eval(t, v);
        }
        Expr[] terms = c.toArray(Expr[]::new);
        return (t, v) -> {
            double s = 0;
            for (Expr e : terms) {
                s += e.eval(t, v);
            }
            return s;
        };
    }

    private static Expr product(List<Expr> c) {
        if (c.isEmpty()) {
            return Expr.constant(1);
        }
        if (c.size() == 2) {
            Expr a = c.get(0);
            Expr b = c.get(1);
            return (t, v) -> a.eval(t, v) * b.eval(t, v);
        }
        Expr[] terms = c.toArray(Expr[]::new);
        return (t, v) -> {
            double p = 1;
            for (Expr e : terms) {
                p *= e.eval(t, v);
            }
            return p;
        };
    }

    private Expr unary(List<Expr> c, java.util.function.DoubleUnaryOperator f) {
        if (c.size() != 1) {
            throw OsteobiomeException.invalid(where + ": a one-argument function was given " + c.size() + " arguments");
        }
        Expr a = c.get(0);
        return (t, v) -> f.applyAsDouble(a.eval(t, v));
    }

    private Expr binary(List<Expr> c, java.util.function.DoubleBinaryOperator f) {
        if (c.size() != 2) {
            throw OsteobiomeException.invalid(where + ": a two-argument operator was given " + c.size() + " arguments");
        }
        Expr a = c.get(0);
        Expr b = c.get(1);
        return (t, v) -> f.applyAsDouble(a.eval(t, v), b.eval(t, v));
    }

    private Expr fold(List<Expr> c, java.util.function.DoubleBinaryOperator f) {
        if (c.isEmpty()) {
            throw OsteobiomeException.invalid(where + ": max/min need at least one argument");
        }
        Expr[] terms = c.toArray(Expr[]::new);
        return (t, v) -> {
            double r = terms[0].eval(t, v);
            for (int i = 1; i < terms.length; i++) {
                r = f.applyAsDouble(r, terms[i].eval(t, v));
            }
            return r;
        };
    }

    private interface Relation {
        boolean holds(double a, double b);
    }

    /** n-ary relational operators hold when they hold between every neighbouring pair. */
    private static Expr chain(List<Expr> c, Relation r) {
        Expr[] terms = c.toArray(Expr[]::new);
        return (t, v) -> {
            double previous = terms[0].eval(t, v);
            for (int i = 1; i < terms.length; i++) {
                double next = terms[i].eval(t, v);
                if (!r.holds(previous, next)) {
                    return 0;
                }
                previous = next;
            }
            return 1;
        };
    }

    private static Expr logical(List<Expr> c, boolean and) {
        Expr[] terms = c.toArray(Expr[]::new);
        return (t, v) -> {
            for (Expr e : terms) {
                boolean b = Expr.truth(e.eval(t, v));
                if (and && !b) {
                    return 0;
                }
                if (!and && b) {
                    return 1;
                }
            }
            return and ? 1 : 0;
        };
    }

    /** JSBML flattens piecewise into value, condition, value, condition, …, [otherwise]. */
    private static Expr piecewise(List<Expr> c) {
        Expr[] terms = c.toArray(Expr[]::new);
        return (t, v) -> {
            int i = 0;
            for (; i + 1 < terms.length; i += 2) {
                if (Expr.truth(terms[i + 1].eval(t, v))) {
                    return terms[i].eval(t, v);
                }
            }
            return i < terms.length ? terms[i].eval(t, v) : Double.NaN;
        };
    }

    private static double factorial(double x) {
        if (x < 0 || x != Math.floor(x)) {
            return Double.NaN;
        }
        double f = 1;
        for (int i = 2; i <= x; i++) {
            f *= i;
        }
        return f;
    }
}
