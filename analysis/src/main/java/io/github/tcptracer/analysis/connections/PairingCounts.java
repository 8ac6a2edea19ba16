package io.github.tcptracer.analysis.connections;

/**
 * What pairing could not match up.
 *
 * @param closedUnseenOpen closes whose connect or accept is not in the recording
 * @param supersededOpens  opens whose connection was opened again before any close was seen: the
 *                         close was lost, so the connection counts neither as open nor as closed
 * @param openAtEnd        opens without a close by the end of the recording
 */
public record PairingCounts(long closedUnseenOpen, long supersededOpens, long openAtEnd) {
}
