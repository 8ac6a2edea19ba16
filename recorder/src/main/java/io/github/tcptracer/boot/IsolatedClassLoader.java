package io.github.tcptracer.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads everything of tcptracer.jar but this package: its classes and resources are stored
 * under {@value #PREFIX}, class files renamed to {@code .classdata}. A {@code -javaagent} jar is
 * appended to the application's class path, so without this the application would see our JNA,
 * JMC writer and argparse4j, or we would get its JNA. JNA cannot be relocated (its native
 * library binds to the {@code com.sun.jna} class names), so it is hidden instead, as the
 * OpenTelemetry agent does. JDK classes come from the JDK's modules ({@link JdkPackages}),
 * nothing from the application's class path.
 */
final class IsolatedClassLoader extends ClassLoader {
	static final String PREFIX = "isolated/";
	private static final String CLASS_SUFFIX = ".classdata";

	static {
		registerAsParallelCapable();
	}

	private static IsolatedClassLoader shared;

	private final JarFile jar;
	private final String jarUrl;
	private final ProtectionDomain domain;

	private IsolatedClassLoader(Path jarPath) throws IOException {
		super("tcptracer", ClassLoader.getPlatformClassLoader());
		this.jar = new JarFile(jarPath.toFile());
		URL location = jarPath.toUri().toURL();
		this.jarUrl = location.toExternalForm();
		// Classes report tcptracer.jar as their code source: the attach command finds the jar so.
		this.domain = new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null, this, null);
	}

	/** The one loader of this JVM for the jar this class came from. */
	static synchronized IsolatedClassLoader shared() throws IOException {
		if (shared == null) {
			shared = new IsolatedClassLoader(ownJar());
		}
		return shared;
	}

	private static Path ownJar() throws IOException {
		CodeSource source = IsolatedClassLoader.class.getProtectionDomain().getCodeSource();
		try {
			Path path = source == null ? null : Path.of(source.getLocation().toURI());
			if (path == null || !path.toString().endsWith(".jar")) {
				throw new IOException("tcptracer's boot classes are not in a jar: " + path);
			}
			return path;
		} catch (URISyntaxException e) {
			throw new IOException("cannot locate tcptracer.jar: " + e.getMessage(), e);
		}
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		ClassLoader jdk = JdkPackages.loaderOf(name);
		if (jdk != null) {
			return Class.forName(name, false, jdk);
		}
		synchronized (getClassLoadingLock(name)) {
			Class<?> loaded = findLoadedClass(name);
			if (loaded == null) {
				loaded = findClass(name);
			}
			if (resolve) {
				resolveClass(loaded);
			}
			return loaded;
		}
	}

	@Override
	protected Class<?> findClass(String name) throws ClassNotFoundException {
		JarEntry entry = jar.getJarEntry(PREFIX + name.replace('.', '/') + CLASS_SUFFIX);
		if (entry == null) {
			throw new ClassNotFoundException(name);
		}
		byte[] bytes;
		try (InputStream in = jar.getInputStream(entry)) {
			bytes = in.readAllBytes();
		} catch (IOException e) {
			throw new ClassNotFoundException(name, e);
		}
		definePackageOf(name);
		return defineClass(name, bytes, 0, bytes.length, domain);
	}

	private void definePackageOf(String className) {
		int dot = className.lastIndexOf('.');
		String packageName = dot < 0 ? "" : className.substring(0, dot);
		if (getDefinedPackage(packageName) == null) {
			try {
				definePackage(packageName, null, null, null, null, null, null, null);
			} catch (IllegalArgumentException definedConcurrently) {
				// another thread defined it first
			}
		}
	}

	@Override
	protected URL findResource(String name) {
		String entryName = entryName(name);
		if (jar.getJarEntry(entryName) == null) {
			return null;
		}
		try {
			return new URL("jar:" + jarUrl + "!/" + entryName);
		} catch (MalformedURLException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	protected Enumeration<URL> findResources(String name) {
		URL url = findResource(name);
		return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
	}

	@Override
	public URL getResource(String name) {
		// The jar's own resources first, like its classes; then the JDK's.
		URL own = findResource(name);
		return own != null ? own : super.getResource(name);
	}

	@Override
	public InputStream getResourceAsStream(String name) {
		// Read the jar's own entries straight from the open jar: no URL connection, no JarFile cache.
		JarEntry entry = jar.getJarEntry(entryName(name));
		if (entry == null) {
			return super.getResourceAsStream(name);
		}
		try {
			return jar.getInputStream(entry);
		} catch (IOException e) {
			return null;
		}
	}

	private static String entryName(String resourceName) {
		String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
		return PREFIX + (name.endsWith(".class")
				? name.substring(0, name.length() - ".class".length()) + CLASS_SUFFIX
				: name);
	}
}
