package dev.cutover.compile;

/**
 * A compile-time value and the input field it came from, so an unsafe value is reported where it lives.
 *
 * @param value the value as read
 * @param file the input file holding it
 * @param pointer the JSON pointer of the field
 */
record SourcedValue(String value, String file, String pointer) {}
