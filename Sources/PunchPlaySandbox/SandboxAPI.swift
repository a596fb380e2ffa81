import Hummingbird

/// Assembles the sandbox's router: the middleware, the contract's endpoints and the control API.
enum SandboxAPI {
    /// The path prefix of every contract endpoint.
    static let prefix = "/api/platform/v1"

    static func router(state: SandboxState) -> Router<SandboxRequestContext> {
        let router = Router(context: SandboxRequestContext.self)
        router.add(middleware: SandboxMiddleware(state: state))
        let playback = PlaybackRoutes(state: state)
        AuthRoutes(state: state).register(on: router)
        OAuthRoutes(state: state).register(on: router)
        playback.register(on: router)
        EventStreamRoute(state: state, playback: playback).register(on: router)
        ActivationPage(state: state).register(on: router)
        ControlRoutes(state: state).register(on: router)
        return router
    }
}
