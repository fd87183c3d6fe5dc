# Export-RunwayContactSheet: its tests moved from tests/ContactSheet.Tests.ps1 (the area's shared setup is tests/Helpers/ContactSheet.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/ContactSheet.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Export-RunwayContactSheet, a contact sheet of a batch made against the simulator' {
    It 'is written beside the shots and returned as a FileInfo with -PassThru' {
        $script:File | Should -BeOfType System.IO.FileInfo
        $script:File.FullName | Should -Be $script:Page
        $script:File.PSPath | Should -Not -BeNullOrEmpty
        Get-ChildItem $script:Sheet -Force -Filter '*.partial' | Should -HaveCount 0
    }

    It 'has one card per task with its status, model and prompt, and the totals at the top' {
        $script:FailedId | Should -Not -BeNullOrEmpty
        foreach ($task in $script:Fox, $script:Clip, $script:Wind, $script:Heron) {
            $card = Get-Card $script:Html $task.Id
            $card | Should -Match 'data-status="SUCCEEDED"'
            $card | Should -Match ([regex]::Escape("<span class=""model"">$($task.Model)</span>"))
        }
        (Get-Card $script:Html $script:Clip.Id) | Should -Match '<p class="prompt">the fox bounds away</p>'
        [regex]::Matches($script:Html, '<article ') | Should -HaveCount 5
        $script:Html | Should -Match 'data-total="tasks"><dt>Tasks</dt><dd>5</dd>'
        $script:Html | Should -Match 'data-total="succeeded"><dt>Succeeded</dt><dd>4</dd>'
        $script:Html | Should -Match 'data-total="failed"><dt>Failed</dt><dd>1</dd>'
        $charged = (Get-RunwayTask | Measure-Object Credits -Sum).Sum
        $charged | Should -BeGreaterThan 0
        $script:Html | Should -Match "data-total=""credits""><dt>Credits</dt><dd>$charged charged</dd>"
    }

    It 'shows the failure with its reason and code, and its refund' {
        $card = Get-Card $script:Html $script:FailedId
        $card | Should -Match 'data-status="FAILED"'
        $card | Should -Match '<p class="failure"><b>Failed: </b>[^<]+<code>SAFETY\.INPUT\.TEXT</code></p>'
        $card | Should -Match '<dt>Credits</dt><dd>0 \(refunded\)</dd>'
    }

    It 'shows the image inline, the video and the sound with players, from the saved files beside the page' {
        $fox = Split-Path (Get-RunwayTask | Where-Object Id -eq $script:Fox.Id).SavedTo[0] -Leaf
        (Get-Card $script:Html $script:Fox.Id) | Should -Match ([regex]::Escape("<img src=""shots/$fox"""))
        (Get-Card $script:Html $script:Clip.Id) | Should -Match '<video controls preload="metadata" src="shots/[^"]+\.mp4"></video>'
        (Get-Card $script:Html $script:Wind.Id) | Should -Match '<audio controls preload="metadata" src="shots/[^"]+\.(wav|mp3)"></audio>'
    }

    It 'shows the input the video was made from as a thumbnail, and its duration and seed' {
        $card = Get-Card $script:Html $script:Clip.Id
        $card | Should -Match '<div class="inputs"><span class="label">From</span><img class="thumb" src="shots/[^"]+\.png"'
        $card | Should -Match '<dt>Duration</dt><dd>5 s</dd>'
        $card | Should -Match '<dt>Seed</dt><dd>42</dd>'
        (Get-Card $script:Html $script:Wind.Id) | Should -Match '<dt>Duration</dt><dd>3 s</dd>'
    }

    It 'links the output that was not saved to its URL, saying that the link expires' {
        $card = Get-Card $script:Html $script:Heron.Id
        $url = (Get-RunwayTask | Where-Object Id -eq $script:Heron.Id).Output[0]
        $card | Should -Match ([regex]::Escape("<a href=""$([Net.WebUtility]::HtmlEncode($url))"" rel=""noreferrer noopener"""))
        $card | Should -Match 'output links expire'
        $script:Html | Should -Match '1 output was not saved'
    }

    It 'encodes the prompt that holds a script: the page has no script at all' {
        $script:Html | Should -Not -Match '<script'
        (Get-Card $script:Html $script:Fox.Id) | Should -Match ([regex]::Escape('a red fox in fresh snow &lt;script&gt;alert(1)&lt;/script&gt;'))
    }

    It 'holds no URL outside itself: every source is a data URI or a file beside it, and only unsaved outputs are linked out' {
        # Chosen: an unsaved output is a link (opened by a click, never loaded), so the page works offline and
        # opening it sends no request; saved files are relative paths, so the folder can be moved or zipped whole.
        $unsaved = @(Get-RunwayTask | Where-Object { -not $_.SavedTo } | ForEach-Object Output)
        $unsaved | Should -HaveCount 1
        $urls = @(Get-PageUrl $script:Html)
        $urls.Count | Should -BeGreaterThan 5
        foreach ($u in $urls) {
            if ($u.Url -like 'data:*') { continue }
            if ($u.Url -match '^[a-zA-Z][a-zA-Z0-9+.-]*:' -or $u.Url.StartsWith('//')) {
                $u.Attribute | Should -Be 'href' -Because "$($u.Url) may only be a link"
                $unsaved | Should -Contain $u.Url -Because 'the only URLs outside the page are the outputs not saved'
                continue
            }
            # A relative path: it must be a file beside the page.
            $local = Join-Path $script:Sheet ([uri]::UnescapeDataString($u.Url))
            Test-Path -LiteralPath $local -PathType Leaf | Should -BeTrue -Because "$($u.Attribute)=$($u.Url) must be a file beside the page"
        }
        $script:Html | Should -Match '<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;'
    }

    It 'embeds the images as data URIs with -EmbedImagesUpTo, so the page needs no image beside it' {
        $page = Join-Path $TestDrive 'embedded.html'
        Get-RunwayTask -Id $script:Fox.Id | Export-RunwayContactSheet -Path $page -EmbedImagesUpTo 10MB
        $html = Get-Content -LiteralPath $page -Raw
        (Get-Card $html $script:Fox.Id) | Should -Match '<img src="data:image/png;base64,iVBORw0KGgo'
        @(Get-PageUrl $html | Where-Object { $_.Url -notlike 'data:*' }) | Should -HaveCount 0
    }
}

Describe 'Export-RunwayContactSheet, where the tasks come from' {
    BeforeEach { Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'without pipeline input, reads the journal with the filters of Get-RunwayTask, sending nothing for finished tasks' {
        $page = Join-Path $TestDrive 'succeeded.html'
        Export-RunwayContactSheet -Path $page -Status SUCCEEDED
        $html = Get-Content -LiteralPath $page -Raw
        [regex]::Matches($html, '<article ') | Should -HaveCount 4
        $html | Should -Not -Match 'data-status="FAILED"'
        Get-ApiRequest | Should -HaveCount 0
        Export-RunwayContactSheet -Path (Join-Path $TestDrive 'first.html') -Model gen4.5 -First 1
        [regex]::Matches((Get-Content (Join-Path $TestDrive 'first.html') -Raw), '<article [^>]*data-id="([^"]+)"').Groups[1].Value | Should -Be $script:Clip.Id
        Export-RunwayContactSheet -Path (Join-Path $TestDrive 'prompt.html') -Prompt 'heron'
        [regex]::Matches((Get-Content (Join-Path $TestDrive 'prompt.html') -Raw), '<article ') | Should -HaveCount 1
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'refreshes a task whose state is not final (one GET, free) and shows it as it is now' {
        $pending = New-RunwayImage -Prompt 'a kingfisher diving'
        Clear-RunwaySimulatorRequest -Url $SimUrl
        Start-Sleep -Milliseconds 600
        $page = Join-Path $TestDrive 'refreshed.html'
        Export-RunwayContactSheet -Path $page -Prompt 'kingfisher'
        @(Get-ApiRequest "/v1/tasks/$($pending.Id)" -Method GET) | Should -HaveCount 1
        @(Get-ApiRequest | Where-Object { $_.method -ne 'GET' }) | Should -HaveCount 0
        (Get-Card (Get-Content $page -Raw) $pending.Id) | Should -Match 'data-status="SUCCEEDED"'
    }

    It 'takes tasks from the pipeline, completed from the journal, grouped as asked' {
        $page = Join-Path $TestDrive 'grouped.html'
        Wait-RunwayTask -Id $script:Clip.Id, $script:FailedId -ErrorAction SilentlyContinue | Out-Null
        Get-RunwayTask -Id $script:Clip.Id, $script:FailedId, $script:Fox.Id | Export-RunwayContactSheet -Path $page -GroupBy Status
        $html = Get-Content -LiteralPath $page -Raw
        [regex]::Matches($html, '<section data-group="([^"]+)"') | ForEach-Object { $_.Groups[1].Value } | Should -Be 'SUCCEEDED', 'FAILED'
        # Get-RunwayTask -Id knows nothing of the prompt or the saved file: the journal does.
        (Get-Card $html $script:Clip.Id) | Should -Match '<p class="prompt">the fox bounds away</p>'
        (Get-Card $html $script:Clip.Id) | Should -Match '<video controls preload="metadata" src="sheet/shots/'
    }

    It 'an empty pipeline writes an empty sheet with a warning, not the whole journal' {
        $page = Join-Path $TestDrive 'empty.html'
        Get-RunwayTask -Since (Get-Date).AddDays(1) | Export-RunwayContactSheet -Path $page -WarningVariable warned -WarningAction SilentlyContinue
        $warned | Should -Match 'No tasks'
        $html = Get-Content -LiteralPath $page -Raw
        $html | Should -Match '<p class="empty">No tasks.</p>'
        [regex]::Matches($html, '<article ') | Should -HaveCount 0
    }

    It 'the journal keeps the duration, seed and ratio each task was asked for' {
        $created = Get-Content $env:RUNWAY_JOURNAL | ConvertFrom-Json | Where-Object { $_.event -eq 'created' -and $_.id -eq $script:Clip.Id }
        $created.duration | Should -Be 5
        $created.seed | Should -Be 42
        $created.ratio | Should -Not -BeNullOrEmpty
    }
}

Describe 'Export-RunwayContactSheet, the page file' {
    BeforeEach { Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'is never overwritten without -Force, and replaced whole with it' {
        $page = Join-Path $TestDrive 'once.html'
        Set-Content -LiteralPath $page -Value 'mine'
        $err = Get-ErrorRecord { Export-RunwayContactSheet -Path $page }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.FileExists*'
        $err.CategoryInfo.Category | Should -Be 'ResourceExists'
        $err.TargetObject | Should -Be $page
        (Get-Content -LiteralPath $page -Raw).Trim() | Should -Be 'mine'
        Export-RunwayContactSheet -Path $page -Force
        Get-Content -LiteralPath $page -Raw | Should -Match '<!DOCTYPE html>'
        Get-ChildItem $TestDrive -Force -Filter '.once.html.*' | Should -HaveCount 0
        Get-ApiRequest | Should -HaveCount 0
    }

    It '-WhatIf writes nothing and says what it would write' {
        $page = Join-Path $TestDrive 'whatif.html'
        Export-RunwayContactSheet -Path $page -WhatIf
        Test-Path -LiteralPath $page | Should -BeFalse
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'a folder that does not exist is refused before anything is read or sent' {
        $err = Get-ErrorRecord { Export-RunwayContactSheet -Path (Join-Path $TestDrive 'nowhere/review.html') }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.OutputFolderMissing*'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'a folder given as the page is refused before anything is sent' {
        $err = Get-ErrorRecord { Export-RunwayContactSheet -Path $TestDrive }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.PathIsDirectory*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Not -BeNullOrEmpty
        Get-ApiRequest | Should -HaveCount 0
    }
}

Describe 'Export-RunwayContactSheet, in a real browser (headless Chromium)' {
    BeforeAll {
        $script:Browser = Find-Browser
        $script:NoBrowser = if ($script:Browser) { $null }
            elseif ($env:CI) { 'CI' }
            else { 'No Chromium on this machine: build.ps1 -Task Test installs Debian''s chromium package when it runs as root on Debian; elsewhere install Chromium to run this test.' }
        function Skip-WithoutBrowser {
            if ($script:NoBrowser -eq 'CI') { throw 'Chromium is missing on CI: build.ps1 -Task Test should have installed it (apt-get install -y chromium).' }
            if ($script:NoBrowser) { Set-ItResult -Skipped -Because $script:NoBrowser; return $true }
            $false
        }
    }

    It 'renders every card, the totals and the failure, with the prompt''s markup as text' {
        if (Skip-WithoutBrowser) { return }
        $run = Invoke-Browser @('--dump-dom', [uri]::new($script:Page).AbsoluteUri)
        $dom = $run.Output
        $dom | Should -Match '<body>'
        [regex]::Matches($dom, '<article class="card') | Should -HaveCount 5
        $dom | Should -Not -Match '<script'
        $dom | Should -Match ([regex]::Escape('a red fox in fresh snow &lt;script&gt;alert(1)&lt;/script&gt;'))
        $dom | Should -Match '<dt>Failed</dt><dd>1</dd>'
        $dom | Should -Match '<code>SAFETY\.INPUT\.TEXT</code>'
        $dom | Should -Match '<video controls="" preload="metadata" src="shots/'
        $dom | Should -Match '<audio controls="" preload="metadata" src="shots/'
    }

    It 'shows the saved image: the screenshot holds the simulator''s gradient and is not blank' {
        if (Skip-WithoutBrowser) { return }
        $shot = Join-Path $TestDrive 'sheet.png'
        Invoke-Browser @("--screenshot=$shot", '--window-size=1280,900', '--virtual-time-budget=3000', [uri]::new($script:Page).AbsoluteUri) | Out-Null
        Test-Path -LiteralPath $shot | Should -BeTrue
        $width = 0; $height = 0
        $pixels = [RunwayTestPng]::Read($shot, [ref] $width, [ref] $height)
        $width | Should -Be 1280
        # Not blank: a page of cards has many colours.
        [RunwayTestPng]::Colours($pixels) | Should -BeGreaterThan 50
        # The simulator's image is a vertical gradient of (s, 255 - s, 128): found only where the PNG beside the page was drawn
        # (77,815 such pixels on a page with the image, 401 on the same page without it).
        [RunwayTestPng]::Gradient($pixels) | Should -BeGreaterThan 5000
    }
}
