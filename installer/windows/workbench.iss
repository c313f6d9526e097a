; Inno Setup 6 script: the Coding Workbench's Windows installer.
;
; installer\build-windows.ps1 runs it after PyInstaller, as
;
;   ISCC.exe /DAppVersion=X.Y.Z /DSourceDir=...\dist\coding-workbench /DOutputDir=...\dist ^
;            installer\windows\workbench.iss
;
; and it writes dist\coding-workbench-X.Y.Z-windows-x64-setup.exe. The version is
; workbench.__version__, passed in by the build script; it is written nowhere here.
;
; The installer needs no administrator rights (it installs for the current user unless
; the user chooses all users), adds a Start-menu entry (and, if asked, a desktop one),
; opens .qdb project files with the program, and registers an uninstaller in
; Settings > Apps. The settings, logs and projects of the user are left in place on
; uninstalling.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (build-windows.ps1 reads workbench.__version__)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\coding-workbench"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

#define AppName "Coding Workbench"
#define AppExe "Coding Workbench.exe"
#define ProgId "CodingWorkbench.Project"

[Setup]
AppId={{6F1C2B7E-3D4A-4E8B-9C55-2A7D1E0B9F43}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Coding Workbench contributors
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=coding-workbench-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\coding-workbench.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
ChangesAssociations=yes
CloseApplications=yes
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[CustomMessages]
english.ProjectFile=Coding Workbench project
spanish.ProjectFile=Proyecto de Coding Workbench

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the program's libraries whole: no file of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .qdb project files open with the program (for this user, or for all users when
; installed for all). Each value goes away with the uninstaller.
Root: HKA; Subkey: "Software\Classes\.qdb"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.qdb\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:ProjectFile}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".qdb"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
