# Build the Windows bundle, a portable zip and the installer (run on Windows 10 or 11, x64):
#
#   py -3.11 -m venv .venv
#   .venv\Scripts\pip install -e ".[build]"
#   winget install JRSoftware.InnoSetup          # once: Inno Setup 6, for the installer
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
#
# writes
#   dist\coding-workbench\                       the program folder ("Coding Workbench.exe",
#                                                the window; workbench.exe, the command line)
#   dist\coding-workbench-VERSION-windows-x64.zip         the same folder, zipped (portable)
#   dist\coding-workbench-VERSION-windows-x64-setup.exe   the installer (Inno Setup)
#
# -Python PATH uses another interpreter; -SkipInstaller stops after the zip.
# The version is workbench.__version__.
param(
    [string]$Python = "",
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$Root = (Get-Location).Path
if (-not $Python) { $Python = Join-Path $Root ".venv\Scripts\python.exe" }

function Say($message) { Write-Host "==> $message" }

& $Python -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('PyInstaller') is None)"
if ($LASTEXITCODE -ne 0) {
    throw "PyInstaller is missing; run: .venv\Scripts\pip install -e "".[build]"""
}
$Version = (& $Python -c "from workbench import __version__; print(__version__)").Trim()
$Folder = Join-Path $Root "dist\coding-workbench"
$Zip = Join-Path $Root "dist\coding-workbench-$Version-windows-x64.zip"

Say "building Coding Workbench $Version for windows-x64"
$timer = [Diagnostics.Stopwatch]::StartNew()
foreach ($old in @($Folder, (Join-Path $Root "build\pyinstaller"))) {
    if (Test-Path $old) { Remove-Item -Recurse -Force $old }
}
& $Python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller installer\workbench.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

$printed = (& (Join-Path $Folder "workbench.exe") --version | Out-String).Trim()
if ($printed -ne "workbench $Version") { throw "workbench.exe --version printed '$printed'" }
Say "workbench.exe --version: $printed"

Say "zipping $Zip"
if (Test-Path $Zip) { Remove-Item -Force $Zip }
Compress-Archive -Path $Folder -DestinationPath $Zip

if (-not $SkipInstaller) {
    $candidates = @(
        (Get-Command "iscc.exe" -ErrorAction SilentlyContinue | ForEach-Object { $_.Source }),
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    ) | Where-Object { $_ -and (Test-Path $_) }
    if (-not $candidates) {
        throw "Inno Setup 6 not found (winget install JRSoftware.InnoSetup), or use -SkipInstaller"
    }
    $iscc = @($candidates)[0]
    Say "making the installer with $iscc"
    & $iscc "/DAppVersion=$Version" "/DSourceDir=$Folder" "/DOutputDir=$(Join-Path $Root 'dist')" `
        installer\windows\workbench.iss
    if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
}

$timer.Stop()
$bytes = (Get-ChildItem -Recurse -File $Folder | Measure-Object -Property Length -Sum).Sum
Say ("bundle: {0:N0} MB ({1})" -f ($bytes / 1MB), $Folder)
Get-ChildItem (Join-Path $Root "dist") -File -Filter "coding-workbench-$Version-*" |
    ForEach-Object { Say ("{0}: {1:N0} MB" -f $_.Name, ($_.Length / 1MB)) }
Say ("build time: {0:N0} s" -f $timer.Elapsed.TotalSeconds)
