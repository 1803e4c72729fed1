/**
 * The State Synchronization Protocol (docs/PROTOCOL.md §6): a sender that keeps the peer's copy of our state
 * current ({@link dev.tern.transport.ssp.SspSender}, with its window of sent states and its deadlines), a receiver
 * that applies diffs to the exact base state they name, and the shutdown handshake. Generic over the two application
 * states; driven by a caller-supplied clock, so it is deterministic under test.
 */
package dev.tern.transport.ssp;
