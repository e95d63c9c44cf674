package dev.pulse.domain.history;

/**
 * What a history store holds.
 *
 * @param series how many resource/metric series
 * @param bytesOnDisk the store's files, or 0 for one in memory
 * @param samplesAccepted raw samples taken since it opened
 * @param samplesRejected raw samples refused since it opened: not newer than the series' last one
 */
public record HistoryStats(long series, long bytesOnDisk, long samplesAccepted, long samplesRejected) {}
