import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The floor for a picocli program on this JVM: one command, one option, --help. Built by bench/startup.sh. */
@Command(name = "hello", mixinStandardHelpOptions = true, description = "Says hello.")
public class Hello implements Runnable {

    @Option(names = "--name", description = "Who to greet.")
    String name = "world";

    @Override
    public void run() {
        System.out.println("hello " + name);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Hello()).execute(args));
    }
}
