package io.github.tcptracer.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The file-access identity of a process ({@code /proc/PID/status}: its fs uid, fs gid and groups),
 * and what its permission bits let it open. ACLs are not consulted: where they would allow more,
 * the caller only does more than needed (a copy of the jar).
 */
record ProcessCredentials(int uid, int gid, Set<Integer> groups) {
	private static final int READ = 4;
	private static final int SEARCH = 1;

	static ProcessCredentials of(long pid) throws IOException {
		int uid = -1;
		int gid = -1;
		Set<Integer> groups = Set.of();
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
			String[] fields = line.split("\\s+");
			switch (fields[0]) {
				case "Uid:" -> uid = Integer.parseInt(fields[4]); // real, effective, saved, fs
				case "Gid:" -> gid = Integer.parseInt(fields[4]);
				case "Groups:" -> groups = Arrays.stream(fields).skip(1).map(Integer::valueOf).collect(Collectors.toSet());
				default -> { }
			}
		}
		if (uid < 0 || gid < 0) {
			throw new IOException("no Uid or Gid line in /proc/" + pid + "/status");
		}
		return new ProcessCredentials(uid, gid, groups);
	}

	/**
	 * Whether this identity may read {@code file} (absolute) as seen from {@code root}, the
	 * process's root directory: search every directory on the way, then read the file.
	 */
	boolean canRead(Path root, Path file) throws IOException {
		if (uid == 0) {
			return true;
		}
		Path seen = root;
		if (!allows(seen, SEARCH)) {
			return false;
		}
		for (int i = 0; i < file.getNameCount() - 1; i++) {
			seen = seen.resolve(file.getName(i).toString());
			if (!allows(seen, SEARCH)) {
				return false;
			}
		}
		return allows(root.resolve(file.toString().substring(1)), READ);
	}

	/** The owner's, the group's or the others' bits of {@code path}, whichever apply to this identity. */
	private boolean allows(Path path, int permission) throws IOException {
		Map<String, Object> attributes = Files.readAttributes(path, "unix:mode,uid,gid");
		int mode = (Integer) attributes.get("mode");
		int owner = (Integer) attributes.get("uid");
		int group = (Integer) attributes.get("gid");
		int bits = uid == owner ? mode >> 6 : gid == group || groups.contains(group) ? mode >> 3 : mode;
		return (bits & permission) != 0;
	}
}
