import Foundation
import Hummingbird

/// The verification page a device code points at: a user trying the agent against the sandbox opens it, sees the
/// code and approves or declines it, like on the real service.
struct ActivationPage {
    let state: SandboxState

    func register(on router: Router<SandboxRequestContext>) {
        router.get("activate") { request, _ in
            let code = request.uri.queryParameters["code"].map(String.init) ?? ""
            return Self.page(
                """
                <p>Signing in <b>\(Self.escape(await state.configuration.user.username))</b>.</p>
                <form method="post" action="/activate">
                <label>Code <input name="code" value="\(Self.escape(code))"></label>
                <button name="decision" value="approve">Approve</button>
                <button name="decision" value="deny">Deny</button>
                </form>
                """
            )
        }
        router.post("activate") { request, context in
            let form = try request.formBody(context, allowedFields: ["code", "decision"])
            let approve = form["decision"] == "approve"
            let resolved = await state.resolveDeviceCode(
                userCode: form["code"] ?? "",
                to: approve ? .approved : .denied
            )
            guard resolved else {
                return Self.page("<p>No pending code matches. Check the code on your device.</p>", status: .notFound)
            }
            return Self.page(approve ? "<p>Approved. Return to your device.</p>" : "<p>Declined.</p>")
        }
    }

    private static func page(_ content: String, status: HTTPResponse.Status = .ok) -> Response {
        let html = "<!doctype html><title>PunchPlay sandbox</title><h1>PunchPlay sandbox</h1>\(content)"
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html))
        )
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
