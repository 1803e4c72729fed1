/**
 * A Mosh client session: the two synchronised states (our {@link dev.tern.transport.session.UserStream} and
 * the server's terminal), the sockets with port hopping, one I/O thread, and the small listener API that the
 * terminal widget and the CLI use ({@link dev.tern.transport.session.MoshSession}).
 */
package dev.tern.transport.session;
