import Foundation
import MondoCore

/// The reason a file operation failed, in the operating system's words ("Permission denied"),
/// whatever kind of error reports it: ``SystemError``, ``OutputError``, a POSIX `NSError`, or a
/// Foundation `CocoaError` (which wraps the POSIX error on Linux).
public enum FileErrors {
    /// The operating system's reason for `error`, or the error's own description when it has none.
    public static func reason(_ error: Error) -> String {
        if let e = error as? SystemError { return e.description }
        if let e = error as? OutputError { return e.description }
        if let code = posixCode(error) { return SourceFile.reason(code) }
        if error is CocoaError || type(of: error) is NSError.Type { return (error as NSError).localizedDescription }
        return String(describing: error)
    }

    /// The `errno` behind a Foundation error, when there is one.
    static func posixCode(_ error: Error) -> Int32? {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let u = ns.userInfo[NSUnderlyingErrorKey] as? NSError, u.domain == NSPOSIXErrorDomain { return Int32(u.code) }
        guard ns.domain == NSCocoaErrorDomain else { return nil }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteFileExists: return EEXIST
        default: return nil
        }
    }
}
