# New-RunwayVideo: its tests moved from tests/Completion.Tests.ps1 (the area's shared setup is tests/Helpers/Completion.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Completion.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayVideo, argument completion' {
    It '-Model offers only the models the command can use, with price tooltips' {
        $image = Complete 'New-RunwayImage -Model '
        $image.CompletionText | Should -Be @('gen4_image_turbo', 'gen4_image', 'gpt_image_2', 'gemini_image3.1_flash', 'muse_image', 'seedream5_pro', 'seedream5_lite', 'grok_imagine_image_2', 'gemini_image3_pro', 'gpt_image_2_5_flare', 'gpt_image_2_5_sunburst', 'gemini_2.5_flash')
        $image[0].ToolTip | Should -Match 'credits'
        (Complete 'New-RunwayVideo -Video ./a.mp4 -Model ').CompletionText | Should -Be @('hailuo3', 'seedance2', 'seedance2_fast', 'seedance2_mini', 'gemini_omni_flash', 'seedance2_5', 'gemini_omni_flash_1.1', 'aleph2')
        (Complete 'New-RunwayVideo -Model veo3.').CompletionText | Should -Be @('veo3.1', 'veo3.1_fast')
    }

    It '-Ratio follows the chosen model' {
        $veo = (Complete 'New-RunwayVideo -Prompt x -Model veo3.1 -Ratio ').CompletionText
        $veo | Should -Contain '1920:1080'
        $veo | Should -Not -Contain '1584:672'
        $turbo = (Complete 'New-RunwayVideo -Image ./a.png -Model gen4_turbo -Ratio ').CompletionText
        $turbo | Should -Contain '1584:672'
        $turbo | Should -Not -Contain '1920:1080'
        (Complete 'New-RunwayImage -Model gemini_2.5_flash -Ratio 13').CompletionText | Should -Be @('1344:768')
    }

    It '-Duration follows the chosen model' {
        (Complete 'New-RunwayVideo -Prompt x -Model veo3.1 -Duration ').CompletionText | Should -Be @('4', '6', '8')
        (Complete 'New-RunwayVideo -Image ./a.png -Model gen4_turbo -Duration ').CompletionText | Should -Be @(2..10 | ForEach-Object { "$_" })
    }
}
