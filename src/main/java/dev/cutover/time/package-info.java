/**
 * How Cutover writes an instant: the UTC millisecond timestamp shape every file shares. A leaf package any other
 * may use; it depends on nothing of Cutover's and reads no clock (callers pass the instant).
 */
package dev.cutover.time;
