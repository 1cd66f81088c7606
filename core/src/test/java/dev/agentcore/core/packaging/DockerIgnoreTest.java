package dev.agentcore.core.packaging;

import dev.agentcore.core.AgentCoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cases from docs.docker.com ("dockerignore files") and moby/patternmatcher's tests. Patterns: lines joined by '|'. */
class DockerIgnoreTest {

    @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            // docs: "*/temp*" excludes names starting with temp in any immediate subdirectory of the root
            "*/temp*;                      somedir/temporary.txt;        true",
            "*/temp*;                      somedir/temp/file.txt;        true",
            "*/temp*;                      temporary.txt;                false",
            "*/temp*;                      a/b/temporary.txt;            false",
            // docs: "*/*/temp*" two levels below the root
            "*/*/temp*;                    somedir/subdir/temporary.txt; true",
            "*/*/temp*;                    somedir/temporary.txt;        false",
            // docs: "temp?" one-character extension of temp in the root
            "temp?;                        tempa;                        true",
            "temp?;                        tempb/x.py;                   true",
            "temp?;                        temp;                         false",
            "temp?;                        tempab;                       false",
            "temp?;                        sub/tempa;                    false",
            // docs: "**/*.go" in every directory, root included
            "**/*.go;                      main.go;                      true",
            "**/*.go;                      a/b/c/main.go;                true",
            "**/*.go;                      a/b/main.py;                  false",
            // docs: exceptions, last matching line wins
            "*.md|!README.md;              README.md;                    false",
            "*.md|!README.md;              CHANGES.md;                   true",
            "*.md|!README*.md|README-secret.md; README-secret.md;        true",
            "*.md|!README*.md|README-secret.md; README-other.md;         false",
            "*.md|README-secret.md|!README*.md; README-secret.md;        false",
            "*.md|README-secret.md|!README*.md; NOTES.md;                true",
            // a directory pattern excludes everything below it; an exception can re-include a file
            "node_modules;                 node_modules/a/b/index.js;    true",
            "node_modules/;                node_modules/x;               true",
            "docs|!docs/keep.md;           docs/keep.md;                 false",
            "docs|!docs/keep.md;           docs/other.md;                true",
            "build/;                       src/build/x;                  false",
            // leading '/' and './' are dropped, paths are cleaned like Go's filepath.Clean
            "/secret.txt;                  secret.txt;                   true",
            "./a//b/../c;                  a/c;                          true",
            "  spaced.txt  ;               spaced.txt;                   true",
            // '#' starts a comment only at the start of the line
            "#secret.txt;                  #secret.txt;                  false",
            "\\#secret.txt;                #secret.txt;                  true",
            // escapes and character classes
            "*.py[cod];                    x/../mod.pyc;                 true",
            "*.py[cod];                    mod.pyc;                      true",
            "*.py[cod];                    mod.py;                       false",
            "*.py[!c];                     mod.py!;                      true",
            "[^a]bc;                       xbc;                          true",
            "[^a]bc;                       abc;                          false",
            "file\\*;                      file*;                        true",
            "file\\*;                      filex;                        false",
            "a?c;                          a/c;                          false",
            "a*;                           ab/c;                         true",
            // '**' forms
            "**;                           anything/at/all;              true",
            "dir/**;                       dir/x/y;                      true",
            "dir/**;                       dirx;                         false",
            "**/foo;                       foo;                          true",
            "**/foo;                       a/b/foo/c;                    true",
            "a/**/b;                       a/b;                          true",
            "a/**/b;                       a/x/y/b;                      true",
            "a/**/b;                       ab;                           false",
            // moby's suffix match: a leading '**' followed only by literals is a plain suffix test
            "**foo;                        xfoo;                         true",
            // blank lines and comments
            "|#c|  |*.log;                 app.log;                      true",
            "*.log|!important.log|*.log;   important.log;                true",
            // an exception naming a directory re-includes everything below it
            "*|!src;                       src/pkg/a.py;                 false",
            "*|!src;                       other/a.py;                   true",
            "! keep.txt|*.txt;             keep.txt;                     true",
            "*.txt|! keep.txt;             keep.txt;                     false",
    })
    void matchesLikeDocker(String patterns, String path, boolean excluded) {
        DockerIgnore ignore = DockerIgnore.parse(patterns.replace('|', '\n'));
        assertThat(ignore.excluded(path)).as("%s excluded by %s", path, patterns).isEqualTo(excluded);
    }

    @Test
    void bareExclamationMarkIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> DockerIgnore.parse("a\n!\n"))
                .isInstanceOf(AgentCoreException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("illegal exclusion pattern");
    }

    @Test
    void unclosedCharacterClassIsAnError() {
        assertThatThrownBy(() -> DockerIgnore.parse("[abc\n")).hasMessageContaining("line 1");
    }

    @Test
    void patternsAreCleaned() {
        assertThat(DockerIgnore.parse("# c\n/a/\n! ./b//c\n\uFEFF").patterns()).containsExactly("a", "!b/c", "\uFEFF");
    }

    @Test
    void knowsWhenAnExcludedDirectoryCanBeSkipped() {
        DockerIgnore plain = DockerIgnore.parse("node_modules\n");
        assertThat(plain.mayIncludeBelow("node_modules")).isFalse();
        DockerIgnore exception = DockerIgnore.parse("docs\n!docs/keep.md\n!*/x/y\n");
        assertThat(exception.mayIncludeBelow("docs")).isTrue();
        assertThat(exception.mayIncludeBelow("node_modules")).isTrue(); // via */x/y
        assertThat(exception.mayIncludeBelow("node_modules/x/y")).isFalse();
        assertThat(DockerIgnore.parse("a\n!**/keep\n").mayIncludeBelow("a")).isTrue();
        DockerIgnore onlySrc = DockerIgnore.parse("*\n!src\n");
        assertThat(onlySrc.excluded("src")).isFalse();
        assertThat(onlySrc.excluded("node_modules")).isTrue();
        assertThat(onlySrc.mayIncludeBelow("node_modules")).isFalse();
    }
}
