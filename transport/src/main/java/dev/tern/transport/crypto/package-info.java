/**
 * Mosh's datagram cryptography (docs/PROTOCOL.md §3): the 22-character session key, AES-128-OCB
 * (RFC 7253) through Bouncy Castle, nonces with the direction bit, and never-repeating sequence numbers.
 */
package dev.tern.transport.crypto;
