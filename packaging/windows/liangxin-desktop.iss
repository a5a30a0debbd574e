; Inno Setup 6 script for 两新党建台账: installs for the current user only (no administrator rights),
; with Start-menu and desktop shortcuts. Build on Windows, after `py tasks.py build`:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\liangxin-desktop.iss
; The name and version are read from the built program's version resource, which the PyInstaller
; spec writes from the package (packaging/build_info.py): there is no second version number here.
; Uninstalling removes the program folder only: the clerk's data (%APPDATA%\liangxin-desktop —
; 台账、备份、日志、设置) is never named in this script, so it is never touched.

#define AppExe "liangxin-desktop.exe"
#define AppFolder "..\..\dist\liangxin-desktop"
#define AppName GetStringFileInfo(AppFolder + "\" + AppExe, "ProductName")
#define AppVersion GetStringFileInfo(AppFolder + "\" + AppExe, "ProductVersion")
#define AppPublisher GetStringFileInfo(AppFolder + "\" + AppExe, "CompanyName")

[Setup]
AppId={{013A96FC-4B01-43AE-9A98-B8583856CD3F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\liangxin-desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=liangxin-desktop-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\build\icons\liangxin-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
; Chinese texts for the wizard: put ChineseSimplified.isl (Inno Setup's translation page) into
; Inno Setup's Languages folder; without it the wizard is in English (packaging/README.md).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[Files]
Source: "{#AppFolder}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "现在打开{#AppName}"; Flags: nowait postinstall skipifsilent
