import Glibc
@_exported import MondoFuzzing

@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer's driver with the process's arguments, calling the ``FuzzTargets`` entry
/// named `target` for each input. SwiftPM names an executable's entry point `<Module>_main`, so
/// the program's top-level code calls this instead of letting libFuzzer's own `main` run.
/// - Returns: libFuzzer's exit status (never returns when it finds a crash).
public func runFuzzer(target: String) -> CInt {
    guard let index = FuzzTargets.all.firstIndex(where: { $0.name == target }) else { return 2 }
    selected = index
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    return llvmFuzzerRunDriver(&argc, &argv) { data, count in
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
        FuzzTargets.all[selected].run(bytes)
        return 0
    }
}

nonisolated(unsafe) private var selected = 0
