import Conversation
import Foundation
import Mail
import Model

/// What several commands read first: the model catalog (`--model`, `--base`) and the input's
/// threads. A failure is printed here; nil means exit 2.
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
}
