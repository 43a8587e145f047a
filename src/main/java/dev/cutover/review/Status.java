package dev.cutover.review;

/** How a finding judges what it looked at; only FAIL makes the review fail. */
public enum Status {
    PASS,
    WARN,
    FAIL
}
