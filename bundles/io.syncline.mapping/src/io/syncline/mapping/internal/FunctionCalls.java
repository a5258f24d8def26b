package io.syncline.mapping.internal;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

import io.syncline.mapping.functions.MappingFunctions;
import io.syncline.mapping.internal.DirectExpressions.Argument;

/**
 * A call of one library function, compiled once. Functions of up to three arguments become small generated classes
 * (as a Java lambda would), so each call is an ordinary interface call the JIT can inline into, with no argument
 * array; a method handle held in a field cannot be inlined and costs more than most functions themselves. Primitive
 * parameters unbox and results box as JEXL's would.
 */
final class FunctionCalls {

	@FunctionalInterface
	interface Call0 {
		Object call();
	}

	@FunctionalInterface
	interface Call1 {
		Object call(Object a);
	}

	@FunctionalInterface
	interface Call2 {
		Object call(Object a, Object b);
	}

	@FunctionalInterface
	interface Call3 {
		Object call(Object a, Object b, Object c);
	}

	private FunctionCalls() {
	}

	/** The call, or null when the method cannot be bound (then JEXL evaluates the expression). */
	static Evaluable of(MappingFunctions functions, Method method, Argument[] args) {
		if (java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
			return null;
		}
		MethodHandle handle;
		try {
			handle = MethodHandles.publicLookup().unreflect(method);
		} catch (IllegalAccessException e) {
			return null;
		}
		if (method.getReturnType() != void.class && args.length <= 3) {
			Object call = generated(functions, handle, args.length);
			if (call != null) {
				return direct(call, args);
			}
		}
		return spread(handle.bindTo(functions).asType(MethodType.genericMethodType(args.length))
				.asSpreader(Object[].class, args.length), args);
	}

	private static final Class<?>[] SHAPES = { Call0.class, Call1.class, Call2.class, Call3.class };

	private static Object generated(MappingFunctions functions, MethodHandle handle, int arity) {
		Class<?> shape = SHAPES[arity];
		MethodType implementation = handle.type().dropParameterTypes(0, 1);
		try {
			CallSite site = LambdaMetafactory.metafactory(MethodHandles.lookup(), "call",
					MethodType.methodType(shape, MappingFunctions.class), MethodType.genericMethodType(arity), handle,
					implementation.wrap());
			return site.getTarget().invoke(functions);
		} catch (Throwable e) {
			return null; // the method handle path below still calls it
		}
	}

	private static Evaluable direct(Object call, Argument[] args) {
		return switch (args.length) {
		case 0 -> {
			Call0 f = (Call0) call;
			yield context -> f.call();
		}
		case 1 -> {
			Call1 f = (Call1) call;
			Argument first = args[0];
			yield first == DirectExpressions.FIRST_VALUE ? context -> f.call(context.firstValue())
					: context -> f.call(first.value(context));
		}
		case 2 -> twoArguments((Call2) call, args[0], args[1]);
		default -> {
			Call3 f = (Call3) call;
			Argument first = args[0];
			Argument second = args[1];
			Argument third = args[2];
			yield context -> f.call(first.value(context), second.value(context), third.value(context));
		}
		};
	}

	/**
	 * The usual shapes, {@code fn:f(value, 'x')} and {@code fn:f('x', value)}, read their arguments without calling
	 * through the argument interface, which a mapping's many argument kinds make a slow, megamorphic call.
	 */
	private static Evaluable twoArguments(Call2 f, Argument first, Argument second) {
		if (first == DirectExpressions.FIRST_VALUE && second instanceof DirectExpressions.Constant constant) {
			Object literal = constant.value();
			return context -> f.call(context.firstValue(), literal);
		}
		if (first instanceof DirectExpressions.Constant constant && second == DirectExpressions.FIRST_VALUE) {
			Object literal = constant.value();
			return context -> f.call(literal, context.firstValue());
		}
		return context -> f.call(first.value(context), second.value(context));
	}

	private static Evaluable spread(MethodHandle spread, Argument[] args) {
		return context -> {
			Object[] values = new Object[args.length];
			for (int i = 0; i < args.length; i++) {
				values[i] = args[i].value(context);
			}
			try {
				return (Object) spread.invokeExact(values);
			} catch (RuntimeException | Error e) {
				throw e;
			} catch (Throwable e) {
				throw new IllegalStateException(e);
			}
		};
	}
}
