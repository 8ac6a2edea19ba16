package io.github.tcptracer.boot;

import java.lang.module.ResolvedModule;
import java.util.HashMap;
import java.util.Map;

/**
 * Which class loader defines each package of the JDK's own modules. The isolated loader asks
 * here first, so that it sees the whole JDK, tool modules such as jdk.attach (defined to the
 * application loader) included, and nothing of the application's class path.
 */
final class JdkPackages {
	private static final Map<String, ClassLoader> LOADERS = index();

	private JdkPackages() {
	}

	/** The loader for a class of the JDK's modules; null for any other class. */
	static ClassLoader loaderOf(String className) {
		int dot = className.lastIndexOf('.');
		return dot < 0 ? null : LOADERS.get(className.substring(0, dot));
	}

	private static Map<String, ClassLoader> index() {
		Map<String, ClassLoader> loaders = new HashMap<>();
		ModuleLayer boot = ModuleLayer.boot();
		for (ResolvedModule resolved : boot.configuration().modules()) {
			// Modules from the run-time image only: an application module (an automatic
			// module of its own JNA, say) must not shadow the jar's classes.
			boolean fromRuntimeImage = resolved.reference().location()
					.map(uri -> "jrt".equals(uri.getScheme()))
					.orElse(false);
			if (!fromRuntimeImage) {
				continue;
			}
			Module module = boot.findModule(resolved.name()).orElseThrow();
			ClassLoader loader = module.getClassLoader() != null ? module.getClassLoader()
					: ClassLoader.getPlatformClassLoader(); // delegates to the bootstrap loader
			for (String packageName : module.getPackages()) {
				loaders.put(packageName, loader);
			}
		}
		return loaders;
	}
}
