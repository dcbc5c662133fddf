/**
 * Fixed-window rate limits counted in the database, so that every instance sees the same counts;
 * clients are kept only as hashes mixed with the window, never as addresses.
 */
package nl.learnerwallet.server.ratelimit;
