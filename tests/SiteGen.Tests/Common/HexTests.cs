using CsCheck;
using SiteGen.Common;

namespace SiteGen.Tests.Common;

public sealed class HexTests
{
    [Fact]
    public void LowerIsTheFrameworksLowercaseHex() =>
        Gen.Byte.Array[0, 200].Sample(bytes => Assert.Equal(Convert.ToHexStringLower(bytes), Hex.Lower(bytes)), iter: 2_000);
}
