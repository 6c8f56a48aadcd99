using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.Workspace;

public class LinkTargetTests
{
    [Theory]
    [InlineData("https://example.com/a.md", "External")]
    [InlineData("http://x", "External")]
    [InlineData("mailto:a@b.c", "External")]
    [InlineData("vscode://file/x", "External")]
    [InlineData("file:///etc/passwd", "External")]
    [InlineData("//cdn.example.com/x.md", "External")]
    [InlineData("", "External")]
    [InlineData("#overview", "SameDocument /ws/specs/a.md #overview")]
    [InlineData("#caf%C3%A9", "SameDocument /ws/specs/a.md #café")]
    [InlineData("b.md", "File /ws/specs/b.md")]
    [InlineData("./b.md#fr1", "File /ws/specs/b.md #fr1")]
    [InlineData("../docs/my%20notes.md?plain=1#x", "File /ws/docs/my notes.md #x")]
    [InlineData("<b c.md>", "File /ws/specs/b c.md")]
    [InlineData("/docs/c.md", "File /ws/docs/c.md")]
    [InlineData("../../etc/passwd", "Outside")]
    [InlineData("%2e%2e/%2e%2e/etc/passwd", "Outside")]
    [InlineData("..%2F..%2Fetc%2Fpasswd", "Outside")]
    [InlineData("/../ws/specs/b.md", "Outside")]
    [InlineData("C:/Windows/win.ini", "Outside")]
    [InlineData("C:\\Windows\\win.ini", "Outside")]
    [InlineData("\\\\server\\share\\x.md", "Outside")]
    [InlineData("b%00.md", "Outside")]
    public void Resolve_Destination_GivesExpectedTarget(string destination, string expected)
    {
        var target = LinkTarget.Resolve(destination, "/ws/specs/a.md", ["/ws"]);

        var dump = string.Join(' ', new[] { target.Kind.ToString(), target.Path, target.Fragment is null ? null : "#" + target.Fragment }.OfType<string>());
        Assert.Equal(expected, dump);
    }

    [Fact]
    public void Resolve_DocumentOutsideEveryRoot_TreatsRelativeLinksAsOutside()
    {
        Assert.Equal(LinkTargetKind.Outside, LinkTarget.Resolve("b.md", "/elsewhere/a.md", ["/ws"]).Kind);
        Assert.Equal(LinkTargetKind.Outside, LinkTarget.Resolve("b.md", "/ws/a.md", []).Kind);
    }
}
