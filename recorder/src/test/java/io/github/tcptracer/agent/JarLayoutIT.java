package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * tcptracer.jar is the command and the agent, and shows the application's class loader nothing
 * but its boot package: every other class sits under isolated/ as .classdata.
 */
class JarLayoutIT {
	@Test
	void onlyTheBootPackageIsVisible() throws Exception {
		try (JarFile jar = new JarFile(ChildJvm.JAR.toFile())) {
			List<String> visible = jar.stream()
					.map(JarEntry::getName)
					.filter(name -> !name.startsWith("isolated/") && !name.endsWith("/"))
					.filter(name -> !name.equals("META-INF/MANIFEST.MF"))
					.toList();
			assertTrue(visible.stream().allMatch(name -> name.startsWith("io/github/tcptracer/boot/")), visible::toString);
			assertTrue(jar.stream().noneMatch(entry -> entry.getName().startsWith("isolated/")
					&& entry.getName().endsWith(".class")), "class files under isolated/");
			assertNotNull(jar.getEntry("isolated/com/sun/jna/Native.classdata"));
			assertNotNull(jar.getEntry("isolated/io/github/tcptracer/cli/Main.classdata"));

			Attributes manifest = jar.getManifest().getMainAttributes();
			assertEquals("io.github.tcptracer.boot.Launcher", manifest.getValue("Main-Class"));
			assertEquals("io.github.tcptracer.boot.AgentEntry", manifest.getValue("Premain-Class"));
			assertEquals("io.github.tcptracer.boot.AgentEntry", manifest.getValue("Agent-Class"));
		}
	}
}
