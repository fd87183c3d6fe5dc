#Requires -Version 7.2
<#
.SYNOPSIS
    Follows docs/architecture.md's two recipes literally in a scratch copy of the repository, builds it, runs it, and
    counts the files each recipe touched.
.DESCRIPTION
    Recipe 1 adds the model zz-test-model to text_to_video; recipe 2 adds the task endpoint zz_test_echo (model
    zz-test-echo) with its cmdlet New-RunwayZzTestEcho. Each step below is the recipe's step of the same number. The
    names start with zz-test- so they cannot meet a real model. The scratch copy is a git repository of its own, so
    `git status` counts the files each recipe touched. After the endpoint's step 4 the module and the simulator are
    built (in parallel), src/tools/New-HelpMarkdown.ps1 writes the help page from the built module and only its
    placeholders for what a person writes are filled (whatever is left is reported). Then Pester runs the recipe's own
    test file and the model checks against the scratch simulator. Writes one JSON object (files per recipe, the help's
    placeholders left and online version, Pester counts, seconds) to -ResultPath and to the output.
    Needs python3 and the SDK declarations (npm ci in tests/conformance), like src/tools/sdk-fields.py.
#>
[CmdletBinding()]
param(
    [string] $ResultPath,
    [string] $Scratch = (Join-Path ([IO.Path]::GetTempPath()) "runway-recipe-$PID"),
    [switch] $Keep
)
$ErrorActionPreference = 'Stop'
$Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$Declarations = Join-Path $Root 'tests/conformance/node_modules/@runwayml/sdk/resources'
$watch = [Diagnostics.Stopwatch]::StartNew()

function Invoke-Checked([string] $File, [string[]] $Arguments, [string] $In = $Scratch) {
    Push-Location $In
    try {
        $output = & $File @Arguments 2>&1
        if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed ($LASTEXITCODE):`n$($output -join "`n")" }
        $output
    }
    finally { Pop-Location }
}

function Edit-File([string] $Path, [string] $After, [string] $Insert, [int] $Skip = 0) {
    # Inserts text $Skip lines below the first line that contains $After (the recipe says where a line goes).
    $full = Join-Path $Scratch $Path
    $lines = [Collections.Generic.List[string]](Get-Content -LiteralPath $full)
    $at = $lines.FindIndex([Predicate[string]] { param($l) $l.Contains($After) })
    if ($at -lt 0) { throw "$Path has no line with '$After': the recipe in docs/architecture.md no longer matches the code." }
    $lines.InsertRange($at + 1 + $Skip, [string[]]($Insert -split "`n"))
    Set-Content -LiteralPath $full -Value $lines -Encoding utf8NoBOM
}

function New-File([string] $Path, [string] $Text) {
    $full = Join-Path $Scratch $Path
    New-Item -ItemType Directory -Path (Split-Path $full) -Force | Out-Null
    Set-Content -LiteralPath $full -Value $Text -Encoding utf8NoBOM
}

function Get-Touched {
    # Every file changed or added since the last commit of the scratch repository, then a commit (the next recipe counts afresh).
    $files = @(git -C $Scratch status --porcelain --untracked-files=all | ForEach-Object { $_.Substring(3).Trim('"') })
    Invoke-Checked git @('add', '-A') | Out-Null
    Invoke-Checked git @('-c', 'user.name=recipe', '-c', 'user.email=recipe@invalid', 'commit', '-qm', 'recipe') | Out-Null
    [pscustomobject]@{
        # Written by a tool, not by hand: the generator's output and the manifest's CmdletsToExport.
        Generated = @($files | Where-Object { $_ -match '/Generated/' -or $_ -eq 'Runway.psd1' })
        Docs = @($files | Where-Object { $_ -in 'README.md', 'docs/simulator.md' })
        Code = @($files | Where-Object { $_ -notmatch '/Generated/' -and $_ -notin 'README.md', 'docs/simulator.md', 'Runway.psd1' })
    }
}

# ---- the scratch copy: the repository's tracked and new files (no build output, no node_modules) ------------------
if (Test-Path $Scratch) { Remove-Item $Scratch -Recurse -Force }
New-Item -ItemType Directory -Path $Scratch | Out-Null
$files = @(git -C $Root ls-files --cached --others --exclude-standard) | Where-Object { $_ -notmatch '(^|/)(bin|obj|node_modules)/' }
foreach ($file in $files) {
    $source = Join-Path $Root $file
    if (-not (Test-Path -LiteralPath $source -PathType Leaf)) { continue }
    $target = Join-Path $Scratch $file
    $folder = Split-Path $target
    if (-not (Test-Path $folder)) { New-Item -ItemType Directory -Path $folder -Force | Out-Null }
    Copy-Item -LiteralPath $source -Destination $target
}
Invoke-Checked git @('init', '-q') | Out-Null
Invoke-Checked git @('add', '-A') | Out-Null
Invoke-Checked git @('-c', 'user.name=recipe', '-c', 'user.email=recipe@invalid', 'commit', '-qm', 'base') | Out-Null
# The SDK the scratch copy reads: the installed declarations, to which a new SDK release would add the model.
$sdk = Join-Path $Scratch '.sdk'
New-Item -ItemType Directory -Path $sdk | Out-Null
Copy-Item (Join-Path $Declarations '*.d.ts') $sdk
Add-Content (Join-Path $Scratch '.git/info/exclude') '.sdk/'
$python = (Get-Command python3, python -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source

# ==== Recipe 1: add a model to an existing endpoint (zz-test-model on text_to_video) ================================
# (0) The SDK declares it: a new interface in the endpoint's create union (here written into the scratch SDK).
$t2v = Join-Path $sdk 'text-to-video.d.ts'
$text = (Get-Content -Raw $t2v).Replace('export type TextToVideoCreateParams = ', 'export type TextToVideoCreateParams = TextToVideoCreateParams.ZzTestModel | ')
$text = $text.Replace("export declare namespace TextToVideoCreateParams {`n", @"
export declare namespace TextToVideoCreateParams {
    interface ZzTestModel {
        model: 'zz-test-model';
        /**
         * A non-empty string up to 1000 characters (measured in UTF-16 code units).
         */
        promptText: string;
        /**
         * The resolution of the output video.
         */
        ratio: '1280:720' | '720:1280';
        /**
         * The number of seconds of duration for the output video. Must be an integer from
         * 2 to 10.
         */
        duration?: number;
    }

"@)
Set-Content -LiteralPath $t2v -Value $text -Encoding utf8NoBOM -NoNewline
# (1) Regenerate the field tables from the declarations.
Invoke-Checked $python @('src/tools/sdk-fields.py', '--declarations', $sdk) | Out-Null
# (2) The descriptor line: name, summary, price (UnknownPrice: Runway publishes none) and the module's defaults.
Edit-File 'src/Runway/Models/GenerationCatalog.cs' 'private static readonly ModelInfo[] SdkModels =' -Skip 1 @'
            Video("zz-test-model", "A synthetic model of the recipe check.", new UnknownPrice(), defaultDuration: 5),
'@
# (3) The simulator's rule, in a file of its own (its endpoints, its SIMULATED price, its validation).
New-File 'src/Runway.Simulator/Validation/Models/ZzTestModelRule.cs' @'
using System.Text.Json;

namespace Runway.Simulator.Validation;

/// <summary>zz-test-model (text_to_video): the recipe check's synthetic model, as its declaration states it.</summary>
public sealed class ZzTestModelRule : ModelRule
{
    public override string Model => "zz-test-model";
    public override string[] Endpoints => ["text_to_video"];
    public override SimulatedPrice Price => new(PerSecond: 3);

    public override CreateRequest? Validate(string endpoint, JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "promptText", "ratio", "duration");
        var prompt = Fields.Prompt(r, true);
        var ratio = r.Enum("ratio", true, ["1280:720", "720:1280"]);
        var seconds = Fields.IntDuration(r, false, 2, 10) ?? 5;
        if (ctx.Failed || ratio is null) return null;
        return new CreateRequest(endpoint, Model, Prices.SimulatedVideo(Model, seconds), OutputSpec.Mp4(ratio, seconds), prompt);
    }
}
'@
$modelFiles = Get-Touched

# ==== Recipe 2: add a simple task endpoint (zz_test_echo, model zz-test-echo, cmdlet New-RunwayZzTestEcho) ==========
# (1) The descriptor: path constant, spec, catalog section (row + model) and builder, in one file.
New-File 'src/Runway/Models/Descriptors/ZzTestEchoEndpoint.cs' @'
namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string ZzTestEcho = "zz_test_echo";
    }

    /// <summary>What New-RunwayZzTestEcho collected.</summary>
    public sealed class ZzTestEchoSpec
    {
        public string? Model { get; set; }
        public IMediaInput? Audio { get; set; }
    }

    /// <summary>zz_test_echo: the recipe check's synthetic endpoint (an audio in, an audio out).</summary>
    internal sealed class ZzTestEchoSection : EndpointSection
    {
        public ZzTestEchoSection() : base(900, new EndpointInfo(Endpoints.ZzTestEcho, "New-RunwayZzTestEcho", "zz-test-echo"), Model) { }

        internal static readonly ModelInfo Model = new ModelInfo
        {
            Name = "zz-test-echo", Output = MediaKind.Audio, Summary = "A synthetic endpoint of the recipe check.",
            Endpoints = new[] { Endpoints.ZzTestEcho }, TakesPrompt = false, DurationFromInput = true, Price = new UnknownPrice(),
        };
    }

    public static partial class RequestBuilder
    {
        public static GenerationRequest ZzTestEcho(ZzTestEchoSpec spec)
        {
            ModelInfo model = ResolveModel(spec.Model, Endpoints.ZzTestEcho);
            var request = new GenerationRequest(Endpoints.ZzTestEcho, model);
            IMediaInput audio = AudioInput(spec.Audio, "Audio");
            request.AddMedia(request.Body, "audioUri", audio);
            request.Cost.InputSeconds = audio.DurationSeconds;
            request.Details.Add("from " + Describe(audio));
            return request;
        }
    }
}
'@
# (2) The cmdlet.
New-File 'src/Runway/Cmdlets/NewRunwayZzTestEchoCommand.cs' @'
using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a zz_test_echo task (the recipe check's synthetic endpoint).</summary>
    [Cmdlet(VerbsCommon.New, "RunwayZzTestEcho", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayZzTestEcho.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayZzTestEchoCommand : GenerationCmdlet
    {
        /// <summary>The audio: a path, FileInfo, https URL, runway:// or data: URI, an upload, or a finished task.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AudioUri", "FullName")]
        [ValidateNotNull]
        public object Audio { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelCompleter))]
        [TextInput]
        public string? Model { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.ZzTestEcho(new ZzTestEchoSpec
            {
                Model = ModelFor(Audio, Model),
                Audio = Media(Audio, nameof(Audio), MediaKind.Audio),
            });
            request.Source = InputBinder.Unwrap(Audio);
            return request;
        }
    }
}
'@
# (3) The manifest: nothing by hand; the build writes CmdletsToExport from the cmdlet classes (as build.ps1 does first).
& (Join-Path $Root 'src/tools/Update-ManifestCmdlets.ps1') -Root $Scratch | Out-Null
# (4) The simulator's rule: a ModelRule whose endpoint is new (Api.Map routes every endpoint of the model list).
New-File 'src/Runway.Simulator/Validation/Models/ZzTestEchoRule.cs' @'
using System.Text.Json;

namespace Runway.Simulator.Validation;

/// <summary>zz_test_echo: the recipe check's synthetic endpoint; the output is as long as the input.</summary>
public sealed class ZzTestEchoRule : ModelRule
{
    public override string Model => "zz-test-echo";
    public override string[] Endpoints => ["zz_test_echo"];
    public override SimulatedPrice Price => new(PerSecond: 1);

    public override CreateRequest? Validate(string endpoint, JsonElement body, ValidationContext ctx)
    {
        var r = Rules.Root(body, ctx, "audioUri");
        var info = r.Media("audioUri", true, MediaKind.Audio);
        var seconds = info?.DurationSeconds ?? Rules.DefaultAudioSeconds;
        if (ctx.Failed) return null;
        return new CreateRequest(endpoint, Model, Rules.Credits(seconds), OutputSpec.Wav(seconds), null);
    }
}
'@

# ---- build, as step 5 says (module and simulator in parallel; analyzers are the real build's job), and lay the module out as build.ps1 does
$build = @{}
# The build logs are not files the recipe touched.
Add-Content (Join-Path $Scratch '.git/info/exclude') '.build-*.log'
foreach ($project in 'src/Runway/Runway.csproj', 'src/Runway.Simulator/Runway.Simulator.csproj') {
    $log = Join-Path $Scratch ".build-$([IO.Path]::GetFileNameWithoutExtension($project)).log"
    $build[$project] = [pscustomobject]@{
        Log = $log
        Process = Start-Process dotnet -ArgumentList @('build', (Join-Path $Scratch $project), '-c', 'Release', '-nologo', '-v', 'q', '-clp:ErrorsOnly', '-p:RunAnalyzers=false') `
            -RedirectStandardOutput $log -NoNewWindow -PassThru
    }
}
foreach ($entry in $build.GetEnumerator()) {
    $entry.Value.Process.WaitForExit()
    if ($entry.Value.Process.ExitCode -ne 0) { throw "Building $($entry.Key) in the scratch copy failed:`n$(Get-Content -Raw $entry.Value.Log)" }
}
$buildSeconds = [Math]::Round($watch.Elapsed.TotalSeconds)
$module = Join-Path $Scratch 'out/Runway'
New-Item -ItemType Directory -Path $module -Force | Out-Null
Get-ChildItem (Join-Path $Scratch 'src/Runway/bin/Release/netstandard2.0') -Filter *.dll | Where-Object Name -ne 'System.Management.Automation.dll' | Copy-Item -Destination $module
Copy-Item (Join-Path $Scratch 'Runway.psd1') $module
Get-ChildItem (Join-Path $Scratch 'src/Runway') -Filter *.ps1xml | Copy-Item -Destination $module

# (5) The help page: New-HelpMarkdown writes it from the built module (front matter with the online version, syntax,
# every parameter's yaml, the text of every parameter the cmdlet does not declare itself from shared/parameters.md);
# a person writes only the synopsis, the description, the cmdlet's own parameters, two examples and the catalog markers.
Invoke-Checked dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $Scratch 'src/tools/New-HelpMarkdown.ps1'),
    '-ModuleManifest', (Join-Path $module 'Runway.psd1'), '-Command', 'New-RunwayZzTestEcho') | Out-Null
$helpPage = 'docs/en-US/New-RunwayZzTestEcho.md'
$help = Get-Content -Raw -LiteralPath (Join-Path $Scratch $helpPage)
foreach ($fill in @(
        @('{{ Fill in the Synopsis }}', 'Creates a zz_test_echo task (the recipe check''s synthetic endpoint).'),
        @('{{ Fill in the Description }}', 'Sends an audio to zz_test_echo and returns the task.'),
        @('{{ Title }}', 'Echo an audio and wait'),
        @('{{ Code }}', 'New-RunwayZzTestEcho -Audio https://example.com/a.wav -Wait'),
        @('{{ Description }}', 'Creates the task and outputs it once it has finished.'),
        @('{{ Title }}', 'See the cost first'),
        @('{{ Code }}', 'New-RunwayZzTestEcho -Audio https://example.com/a.wav -WhatIf'),
        @('{{ Description }}', 'Shows the task it would create and its cost; nothing is sent.'),
        @('{{ Fill Audio Description }}', 'The audio: a path, FileInfo, https URL, runway:// or data: URI, an upload, or a finished task.'),
        @('{{ Fill Model Description }}', 'The model (zz-test-echo).'),
        @("## NOTES`n", "## NOTES`n<!-- catalog:begin -->`n<!-- catalog:end -->`n"))) {
    # Each fill takes the first place left (the two examples have the same placeholders).
    $at = $help.IndexOf($fill[0], [StringComparison]::Ordinal)
    if ($at -lt 0) { throw "$helpPage has no '$($fill[0])': New-HelpMarkdown no longer writes what the recipe says a person fills." }
    $help = $help.Remove($at, $fill[0].Length).Insert($at, $fill[1])
}
Set-Content -LiteralPath (Join-Path $Scratch $helpPage) -Value $help -Encoding utf8NoBOM -NoNewline
# What a person would still have to write: every placeholder left, under its heading (for an inherited parameter, a
# parameter the cmdlet does not declare: its text should have come from shared/parameters.md).
$heading = ''
$helpLeft = @(foreach ($line in $help -split "`n") {
        if ($line -match '^#{2,3} ') { $heading = $line.TrimStart('#', ' ') }
        foreach ($m in [regex]::Matches($line, '\{\{[^}]*\}\}')) { "${heading}: $($m.Value)" }
    })
$helpOnline = [regex]::Match($help, '(?m)^online version:[ \t]*(\S*)').Groups[1].Value
# (6) The tests: a folder per cmdlet.
New-File 'tests/Cmdlets/New-RunwayZzTestEcho/Create.Tests.ps1' @'
Describe 'New-RunwayZzTestEcho' {
    BeforeAll { . $PSScriptRoot/../../TestSetup.ps1 }

    It 'refuses a model of another endpoint before any request' {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { New-RunwayZzTestEcho -Audio https://example.com/a.wav -Model gen4_turbo }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.*'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'creates a task the simulator runs' {
        $task = New-RunwayZzTestEcho -Audio https://example.com/a.wav -Wait
        $task.Status | Should -Be 'SUCCEEDED'
        $task.Model | Should -Be 'zz-test-echo'
    }
}
'@
# (7) No document by hand: README's count and index are written by the build, naming the cmdlet in an area row is
# optional, the changelog's count is checked only once its entry is released, and the rule file holds its simulated price.
$endpointFiles = Get-Touched

# ---- run: the recipe's own test file, and the model's checks, against the scratch simulator -----------------------
$modelChecks = Join-Path $Scratch '.checks/Model.Tests.ps1'
New-Item -ItemType Directory -Path (Split-Path $modelChecks) -Force | Out-Null
Set-Content -LiteralPath $modelChecks -Encoding utf8NoBOM -Value @'
Describe 'zz-test-model (recipe 1)' {
    BeforeAll { . (Join-Path $env:RUNWAY_RECIPE_SCRATCH 'tests/TestSetup.ps1') }

    It 'is in the catalog on text_to_video, priced "price unknown"' {
        $model = [Runway.Models.ModelCatalog]::Find('zz-test-model')
        $model.Endpoints | Should -Be @('text_to_video')
        $model.PriceKnown | Should -BeFalse
        $model.Price.Describe() | Should -Be 'price unknown'
    }

    It 'validates by its declaration, before any request' {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        (Get-ErrorRecord { New-RunwayVideo -Model zz-test-model -Prompt 'a test' -Ratio 1280:720 -Duration 11 }).FullyQualifiedErrorId | Should -BeLike 'Runway.*'
        (Get-ErrorRecord { New-RunwayVideo -Model zz-test-model -Prompt 'a test' -Ratio 960:960 }).FullyQualifiedErrorId | Should -BeLike 'Runway.*'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'completes as a -Model value' {
        $line = 'New-RunwayVideo -Prompt x -Model zz-test-m'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'zz-test-model'
    }

    It 'runs against the simulator carrying its rule' {
        $task = New-RunwayVideo -Model zz-test-model -Prompt 'a test' -Ratio 720:1280 -Wait
        $task.Status | Should -Be 'SUCCEEDED'
        $task.Model | Should -Be 'zz-test-model'
    }
}
'@
$resultFile = Join-Path $Scratch '.checks/pester.json'
# The Pester the caller runs under, else the one build.ps1 saved under .tools.
$pesterManifest = @((Get-Module Pester).Path) + @(Get-ChildItem (Join-Path $Root '.tools/Modules') -Filter Pester.psd1 -Recurse -ErrorAction Ignore | ForEach-Object FullName) |
    Where-Object { $_ } | Select-Object -First 1
if (-not $pesterManifest) { throw 'No Pester: run build.ps1 -Task Test once (it saves Pester under .tools).' }
$runner = @"
`$ErrorActionPreference = 'Stop'
`$env:RUNWAY_RECIPE_SCRATCH = '$Scratch'
`$env:RUNWAY_TEST_MODULE = '$(Join-Path $module 'Runway.psd1')'
`$env:RUNWAY_TEST_CONFIGURATION = 'Release'
Remove-Item Env:RUNWAY_TEST_SIM_URL -ErrorAction Ignore
Remove-Item Env:RUNWAY_JOURNAL -ErrorAction Ignore
Import-Module '$pesterManifest'
`$config = New-PesterConfiguration
`$config.Run.Path = @('$modelChecks', '$(Join-Path $Scratch 'tests/Cmdlets/New-RunwayZzTestEcho/Create.Tests.ps1')')
`$config.Run.PassThru = `$true
`$config.Output.Verbosity = 'Detailed'
`$config.Output.RenderMode = 'Plaintext'
`$r = Invoke-Pester -Configuration `$config
# The task journal TestSetup pointed at a temporary file of this process.
Get-ChildItem ([IO.Path]::GetTempPath()) -Filter "runway-test-`$PID.jsonl*" -ErrorAction Ignore | Remove-Item -Force -ErrorAction Ignore
@{ Passed = `$r.PassedCount; Failed = `$r.FailedCount; Skipped = `$r.SkippedCount; Failures = @(`$r.Failed | ForEach-Object { `$_.ExpandedPath + ': ' + `$_.ErrorRecord[0] }) } | ConvertTo-Json | Set-Content '$resultFile'
"@
$pesterLog = & dotnet pwsh -NoProfile -NonInteractive -Command $runner 2>&1
$pester = if (Test-Path $resultFile) { Get-Content -Raw $resultFile | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; Failures = @($pesterLog -join "`n") } }

$result = [ordered]@{
    ModelFiles = [ordered]@{ Code = $modelFiles.Code; Generated = $modelFiles.Generated; Docs = $modelFiles.Docs; Count = $modelFiles.Code.Count + $modelFiles.Docs.Count; Target = 3 }
    EndpointFiles = [ordered]@{ Code = $endpointFiles.Code; Generated = $endpointFiles.Generated; Docs = $endpointFiles.Docs; Count = $endpointFiles.Code.Count + $endpointFiles.Docs.Count; Target = 6 }
    Help = [ordered]@{ Left = $helpLeft; OnlineVersion = $helpOnline }
    Pester = $pester
    BuildSeconds = $buildSeconds
    Seconds = [Math]::Round($watch.Elapsed.TotalSeconds)
}
$json = $result | ConvertTo-Json -Depth 5
if ($ResultPath) { Set-Content -LiteralPath $ResultPath -Value $json -Encoding utf8NoBOM }
if (-not $Keep) { Remove-Item $Scratch -Recurse -Force -ErrorAction SilentlyContinue }
$json
