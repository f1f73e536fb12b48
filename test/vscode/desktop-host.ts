/**
 * What only a Node extension host (desktop VS Code, code-server) can do for the tests: other
 * processes, the file system on disk. index-node.ts provides it; in VS Code for the Web there is
 * none, and the tests that need it skip themselves.
 */
export interface DesktopHost {
    /** Runs `node -e script ...args` as a separate process, as another program would, and waits for it. */
    runOtherProcess(script: string, args: string[]): void;
    /** The PIDs of the extension host's child processes whose command line contains `text`. */
    childProcesses(text: string): number[];
    kill(pid: number): void;
    /** A new empty folder outside the workspace. */
    makeFolder(): string;
    removeFolder(folder: string): void;
    writeFile(file: string, text: string): void;
}

let provided: DesktopHost | undefined;

export function provideDesktopHost(host: DesktopHost): void {
    provided = host;
}

export function desktopHost(): DesktopHost | undefined {
    return provided;
}
