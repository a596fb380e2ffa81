import ServiceLifecycle

/// Ends live streams and releases hanging requests when graceful shutdown starts, so the HTTP server (shut down
/// after this service) does not wait forever on connections the sandbox holds open on purpose.
struct SandboxShutdownHook: Service {
    let state: SandboxState

    func run() async throws {
        try? await gracefulShutdown()
        await state.shutdown()
    }
}
