/**
 * Reads a media timestamp: "01:02:03.456" (WebVTT), "01:02:03,456" (SRT), "02:03.456",
 * "1:02:03" or "02:03" (transcription services) into milliseconds; undefined if malformed.
 */
export function parseTimestamp(value: string): number | undefined {
  const match = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)(?:[.,](\d{1,3}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0', fraction = '0'] = match;
  const millis = Number(fraction.padEnd(3, '0'));
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + millis;
}
