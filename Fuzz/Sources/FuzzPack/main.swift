import FuzzDriver
import Glibc

exit(runFuzzer(target: "pack"))
