# Setup shared by the tests of tests/ContactSheet.Tests.ps1 and tests/Cmdlets/*/ContactSheet.Tests.ps1, dot-sourced in their BeforeAll.
# Export-RunwayContactSheet (issue 24, Review): a page made from a batch against the simulator (with a failure), its
# content, that it holds no URL outside itself, the journal and pipeline inputs, the output file's rules, and the
# page as a real browser (headless Chromium, Debian's package) renders it.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
function script:Exit-AreaTest {
    # This area's teardown, instead of TestSetup's: gives back the journal its setup replaced, and the connection.
    $env:RUNWAY_JOURNAL = $script:SavedJournal
    Disconnect-Runway
    Stop-OwnSimulator
}
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1

function Get-PageUrl([string] $Html) {
    # Every URL the page holds: src and href attributes, and url(...) in its style (decoded as a browser reads them).
    $attributes = [regex]::Matches($Html, '\s(src|href|poster|srcset|data)\s*=\s*"([^"]*)"') |
        ForEach-Object { [pscustomobject]@{ Attribute = $_.Groups[1].Value; Url = [Net.WebUtility]::HtmlDecode($_.Groups[2].Value) } }
    $styles = [regex]::Matches($Html, 'url\(\s*[''"]?([^)''"]*)') | ForEach-Object { [pscustomobject]@{ Attribute = 'url()'; Url = $_.Groups[1].Value } }
    @($attributes) + @($styles) | Where-Object { $_ }
}

function Get-Card([string] $Html, [string] $Id) {
    # The HTML of one task's card.
    $m = [regex]::Match($Html, "(?s)<article [^>]*data-id=""$([regex]::Escape($Id))"".*?</article>")
    if (-not $m.Success) { throw "No card for task $Id." }
    $m.Value
}

function Find-Browser {
    # Debian's package installs /usr/bin/chromium; other systems name it differently.
    foreach ($name in 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable') {
        $command = Get-Command $name -CommandType Application -ErrorAction Ignore | Select-Object -First 1
        if ($command) { return $command.Source }
    }
}

function Invoke-Browser([string[]] $Arguments) {
    # Headless Chromium with a profile of its own; --no-sandbox because CI containers run as root.
    $profileDir = Join-Path $TestDrive ("chromium-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $all = @('--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--hide-scrollbars',
        '--mute-audio', "--user-data-dir=$profileDir") + $Arguments
    $output = & $script:Browser @all 2>$null
    @{ Output = ($output -join "`n"); ExitCode = $LASTEXITCODE }
}

if (-not ('RunwayTestPng' -as [type])) {
    Add-Type -TypeDefinition @'
using System;
using System.IO;
using System.IO.Compression;

/// <summary>Reads an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's --screenshot writes) into RGBA pixels.</summary>
public static class RunwayTestPng
{
public static int[] Read(string path, out int width, out int height)
{
    byte[] file = File.ReadAllBytes(path);
    int pos = 8, colourType = 0, depth = 0;
    width = height = 0;
    var idat = new MemoryStream();
    while (pos + 8 <= file.Length)
    {
        int length = (file[pos] << 24) | (file[pos + 1] << 16) | (file[pos + 2] << 8) | file[pos + 3];
        string type = System.Text.Encoding.ASCII.GetString(file, pos + 4, 4);
        if (type == "IHDR")
        {
            width = (file[pos + 8] << 24) | (file[pos + 9] << 16) | (file[pos + 10] << 8) | file[pos + 11];
            height = (file[pos + 12] << 24) | (file[pos + 13] << 16) | (file[pos + 14] << 8) | file[pos + 15];
            depth = file[pos + 16];
            colourType = file[pos + 17];
            if (file[pos + 20] != 0) throw new NotSupportedException("interlaced PNG");
        }
        else if (type == "IDAT") idat.Write(file, pos + 8, length);
        pos += 12 + length;
    }
    if (depth != 8 || (colourType != 2 && colourType != 6)) throw new NotSupportedException("PNG colour type " + colourType + ", depth " + depth);
    int channels = colourType == 6 ? 4 : 3, stride = width * channels;
    var raw = new MemoryStream();
    idat.Position = 0;
    using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(raw);
    byte[] data = raw.ToArray();
    var previous = new byte[stride];
    var row = new byte[stride];
    var pixels = new int[width * height];
    for (int y = 0; y < height; y++)
    {
        int filter = data[y * (stride + 1)];
        Array.Copy(data, y * (stride + 1) + 1, row, 0, stride);
        for (int i = 0; i < stride; i++)
        {
            int a = i >= channels ? row[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
            int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            int predictor = filter == 1 ? a : filter == 2 ? b : filter == 3 ? (a + b) / 2 : filter == 4 ? (pa <= pb && pa <= pc ? a : pb <= pc ? b : c) : 0;
            row[i] = (byte)(row[i] + predictor);
        }
        for (int x = 0; x < width; x++)
            pixels[y * width + x] = (row[x * channels] << 16) | (row[x * channels + 1] << 8) | row[x * channels + 2];
        var swap = previous; previous = row; row = swap;
    }
    return pixels;
}

/// <summary>How many distinct colours the pixels hold (a blank page has a handful).</summary>
public static int Colours(int[] pixels) => new System.Collections.Generic.HashSet<int>(pixels).Count;

/// <summary>The pixels of the simulator's gradient image, (s, 255 - s, 128) give or take scaling: drawn only where that image is shown.</summary>
public static int Gradient(int[] pixels)
{
    int count = 0;
    foreach (int p in pixels)
    {
        int r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
        if (Math.Abs(b - 128) <= 3 && Math.Abs(r + g - 255) <= 6 && r >= 40) count++;
    }
    return count;
}
}
'@
}

# A batch as a newcomer would make it: five tasks, four outputs saved beside the page, one failure, one left unsaved.
$script:SavedJournal = $env:RUNWAY_JOURNAL
$env:RUNWAY_JOURNAL = Join-Path $TestDrive 'journal.jsonl'
$script:Sheet = Join-Path $TestDrive 'sheet'
$shots = Join-Path $script:Sheet 'shots'
New-Item -ItemType Directory -Path $shots -Force | Out-Null
Reset-RunwaySimulator -Url $SimUrl
$script:Fox = New-RunwayImage -Prompt 'a red fox in fresh snow <script>alert(1)</script>' -Ratio 1920:1080 -Wait
$foxFile = $script:Fox | Save-RunwayOutput -Path $shots
$script:Clip = New-RunwayVideo -Image $foxFile.FullName -Prompt 'the fox bounds away' -Model gen4.5 -Duration 5 -Seed 42 -Wait
$script:Wind = New-RunwaySoundEffect -Prompt 'wind in the pines' -Duration 3 -Wait
$script:Clip, $script:Wind | Save-RunwayOutput -Path $shots | Out-Null
$script:Banned = New-RunwayImage -Prompt 'a forbidden thing [fail:SAFETY.INPUT.TEXT]' -Wait -ErrorAction SilentlyContinue -ErrorVariable failed
$script:FailedId = $failed[0].Exception.TaskId
$script:Heron = New-RunwayImage -Prompt 'a heron at dawn' -Wait
$script:Page = Join-Path $script:Sheet 'review.html'
$script:File = Get-RunwayTask | Export-RunwayContactSheet -Path $script:Page -PassThru
$script:Html = Get-Content -LiteralPath $script:Page -Raw
