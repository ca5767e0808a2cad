import Checker
import Conversation
import Foundation
import Mail
import Model

/// What several commands read first: the model catalog (`--model`, `--base`), the checker's
/// bounds, a kernel tree and the input's threads. A failure is printed here; nil means exit 2.
enum CommandInputs {
    static func catalog(_ args: Arguments) throws(UsageError) -> ModelCatalog? {
        let root = args.options["--model"].map { URL(fileURLWithPath: $0) } ?? ModelCatalog.defaultRoot()
        let catalog: ModelCatalog
        do { catalog = try ModelCatalog.load(root: root) } catch {
            Output.error("\(error)")
            return nil
        }
        if let b = args.options["--base"] {
            do { _ = try catalog.base(named: b) } catch { throw UsageError("\(error)") }
        }
        return catalog
    }

    static func threads(_ path: String, format: InputFormat) -> ArchiveExtraction? {
        let extraction: ArchiveExtraction
        do { extraction = try ArchiveExtractor.extract(path: path, format: format) } catch {
            Output.error("\(error)")
            return nil
        }
        if extraction.threads.isEmpty {
            Output.error("\(path): no messages to read")
            return nil
        }
        return extraction
    }

    /// `--max-paths N` and `--time-limit S`, for the commands that run the checker.
    static func limits(_ args: Arguments) throws(UsageError) -> CheckLimits {
        var limits = CheckLimits()
        if let p = args.options["--max-paths"] {
            guard let n = Int(p), n > 0 else { throw UsageError("--max-paths wants a positive number") }
            limits.maxPaths = n
        }
        if let s = args.options["--time-limit"] {
            guard let n = Double(s), n > 0, n.isFinite else { throw UsageError("--time-limit wants seconds") }
            limits.seconds = n
        }
        return limits
    }

    /// `--tree PATH`: a kernel checkout to read files from instead of the bundled model.
    static func tree(_ args: Arguments) throws(UsageError) -> KernelTree? {
        guard let t = args.options["--tree"] else { return nil }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: t, isDirectory: &isDir), isDir.boolValue else {
            throw UsageError("--tree \(t): not a folder")
        }
        return KernelTree(root: t)
    }
}
