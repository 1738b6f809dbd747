/** Run the CLI in process (`main` from src/cli/main), capturing stdout and stderr. */
import { main, type Io } from "../../src/cli/main";

export async function runMain(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await main(args, io);
  return { code, out, err };
}
