import Outbox
import PunchPlay
import Scrobbling
import ServiceLifecycle

/// Feeds `AgentControl` for as long as the agent runs: every change of the login, the delivery loop, the
/// outbox's disk and the scrobbling core's view of the players, so the bus properties are always the agent's present.
struct AgentControlService: Service {
    let control: AgentControl
    /// The outbox intake's `diskRefusals`.
    let diskRefusals: AsyncStream<Bool>

    func run() async throws {
        let parts = control.parts
        let control = control
        let diskRefusals = diskRefusals
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                if let tokens = parts.tokens {
                    group.addTask {
                        for await state in await tokens.stateUpdates() {
                            await control.authChanged(to: state)
                        }
                    }
                }
                group.addTask {
                    for await state in await parts.delivery.states() {
                        await control.deliveryChanged(to: state)
                    }
                }
                group.addTask {
                    for await refusing in diskRefusals {
                        await control.diskRefusalChanged(refusing: refusing)
                    }
                }
                group.addTask {
                    for await activity in parts.scrobbling.activityUpdates() {
                        await control.activityChanged(to: activity)
                    }
                }
            }
        }
    }
}
