import Foundation
import PunchPlay

/// The directory the login lives in (the agent's state directory), created 0700 with its parents when missing,
/// for the credentials file and the login lock alike.
enum PrivateDirectory {
    static func create(_ directory: String) throws(CredentialStoreError) {
        do {
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw CredentialStoreError("Cannot create \(directory): \(error.localizedDescription)")
        }
    }
}
