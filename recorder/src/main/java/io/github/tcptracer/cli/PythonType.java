package io.github.tcptracer.cli;

import net.sourceforge.argparse4j.inf.Argument;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.ArgumentType;

/**
 * An argparse {@code type=} callable for argparse4j, with Python's error wording: a conversion
 * that throws IllegalArgumentException (Python's ValueError) reads {@code invalid NAME value:
 * 'text'}, one that throws {@link Invalid} (Python's ArgumentTypeError) reads its own message.
 * argparse4j's stock types say {@code could not convert 'abc' to integer (32 bits)} instead.
 */
final class PythonType<T> implements ArgumentType<T> {
	/** Python's ArgumentTypeError: the message replaces {@code invalid NAME value: ...}. */
	static final class Invalid extends Exception {
		private static final long serialVersionUID = 1L;

		Invalid(String message) {
			super(message);
		}
	}

	interface Conversion<T> {
		T convert(String text) throws Invalid;
	}

	private final String name;
	private final Conversion<T> conversion;

	/** @param name the name Python would print, the callable's {@code __name__} ({@code int}) */
	PythonType(String name, Conversion<T> conversion) {
		this.name = name;
		this.conversion = conversion;
	}

	@Override
	public T convert(ArgumentParser parser, Argument arg, String value) throws ArgumentParserException {
		try {
			return conversion.convert(value);
		} catch (Invalid e) {
			throw new ArgumentParserException(e.getMessage(), parser, arg);
		} catch (IllegalArgumentException e) {
			throw new ArgumentParserException("invalid " + name + " value: " + PythonRepr.of(value), parser, arg);
		}
	}
}
