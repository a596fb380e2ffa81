import Dispatch
import Glibc
import TestSupport
import Testing

@testable import DBus

/// The thread that waits on a connection's socket: it reads on the connection's queue when the socket has
/// bytes, asks the queue again whenever it is woken, and ends when the queue says so.
@Suite("Reading the socket on a thread of its own")
struct ReaderThreadTests {
    /// A pipe standing in for the socket, and the queue-side state the thread consults.
    final class Socket: @unchecked Sendable {
        let queue = DispatchQueue(label: "reader-thread-tests")
        let readEnd: Int32
        let writeEnd: Int32
        /// Read and written on `queue` only.
        var mode = ReaderThread.Mode.idle
        var readsOnTheQueue = 0

        init() {
            var ends: [Int32] = [-1, -1]
            _ = pipe(&ends)
            readEnd = ends[0]
            writeEnd = ends[1]
        }

        deinit {
            close(readEnd)
            close(writeEnd)
        }

        func send() {
            var byte: UInt8 = 7
            _ = write(writeEnd, &byte, 1)
        }

        /// What the thread's `read` does: drains the pipe and counts the read, checking it runs on the queue.
        func read(_ events: Int16) -> UInt64? {
            dispatchPrecondition(condition: .onQueue(queue))
            var bytes = [UInt8](repeating: 0, count: 16)
            _ = Glibc.read(readEnd, &bytes, bytes.count)
            readsOnTheQueue += 1
            return nil
        }

        /// Returns once the thread has read `count` times in all (bounded by a real-time safety net).
        func untilRead(_ count: Int) async throws {
            try await withTimeout {
                while self.queue.sync(execute: { self.readsOnTheQueue }) < count { await Task.yield() }
            }
        }

        func set(_ mode: ReaderThread.Mode) {
            queue.sync { self.mode = mode }
        }
    }

    static func start(on socket: Socket) throws -> ReaderThread {
        let thread = ReaderThread(
            queue: socket.queue,
            mode: { socket.mode },
            read: { events in socket.read(events) }
        )
        return try #require(thread)
    }

    @Test("bytes on the socket are read on the connection's queue, each time they come")
    func readsOnTheQueue() async throws {
        let socket = Socket()
        let thread = try Self.start(on: socket)
        socket.set(.read(descriptor: socket.readEnd))
        thread.wake()
        socket.send()
        try await socket.untilRead(1)
        socket.send()
        try await socket.untilRead(2)
        #expect(socket.queue.sync { socket.readsOnTheQueue } == 2)
        socket.set(.finish)
        thread.wake()
    }

    /// A weak reference the test and the waiting loop share.
    final class WeakReference: @unchecked Sendable {
        weak var thread: ReaderThread?
    }

    @Test("told to finish, the thread ends and lets go of itself")
    func finishes() async throws {
        let socket = Socket()
        let reference = WeakReference()
        do {
            let thread = try Self.start(on: socket)
            reference.thread = thread
            socket.set(.finish)
            thread.wake()
        }
        try await withTimeout {
            while reference.thread != nil { await Task.yield() }
        }
        #expect(reference.thread == nil)
    }
}
