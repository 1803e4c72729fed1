/**
 * Mosh's datagram layer above the cipher (docs/PROTOCOL.md §4): plaintext layout with 16-bit timestamps,
 * RTT estimation, fragments and their reassembly, zlib, and the transport instruction codec. Everything here
 * works on byte arrays and a caller-supplied clock; sockets live in the session package.
 */
package dev.tern.transport.wire;
