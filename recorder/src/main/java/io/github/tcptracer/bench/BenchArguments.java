package io.github.tcptracer.bench;

import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.Namespace;

/** Options of {@code tcptracer bench}. */
record BenchArguments(int rounds, double seconds, int clients) {
	/** Parsed arguments; the exception carries the parser for argparse-style error output. */
	static BenchArguments parse(String[] args) throws ArgumentParserException {
		ArgumentParser parser = ArgumentParsers.newFor("tcptracer bench").build()
				.description("Loopback connect/accept/close churn without and with the tracer, alternating");
		parser.addArgument("--rounds").type(Integer.class).setDefault(5).help("rounds each way (default 5)");
		parser.addArgument("--seconds").type(Double.class).setDefault(3.0).help("length of a round (default 3)");
		parser.addArgument("--clients").type(Integer.class).setDefault(2)
				.help("client threads, and as many acceptor threads (default 2)");
		Namespace ns = parser.parseArgs(args);
		BenchArguments parsed = new BenchArguments(ns.getInt("rounds"), ns.getDouble("seconds"), ns.getInt("clients"));
		if (parsed.rounds < 1 || parsed.seconds <= 0 || parsed.clients < 1) {
			throw new ArgumentParserException("rounds, seconds and clients must be positive", parser);
		}
		return parsed;
	}
}
