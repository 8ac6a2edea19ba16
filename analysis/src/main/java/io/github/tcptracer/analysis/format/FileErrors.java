package io.github.tcptracer.analysis.format;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a file could not be opened or written, in words for a one-line message that names the
 * file already: the exceptions' own messages mostly repeat the path and nothing else.
 */
public final class FileErrors {
	private FileErrors() {
	}

	public static String reason(Exception e) {
		if (e instanceof NoSuchFileException missing) {
			Path parent = missing.getFile() == null ? null : Path.of(missing.getFile()).toAbsolutePath().getParent();
			return parent != null && !Files.isDirectory(parent) ? "no such directory " + parent
					: "no such file or directory";
		}
		if (e instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (e instanceof FileSystemException other && other.getReason() != null) {
			String reason = other.getReason(); // the system's words, e.g. "Is a directory"
			return reason.isEmpty() ? reason : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
		}
		return e.getMessage() != null ? e.getMessage() : e.toString();
	}
}
