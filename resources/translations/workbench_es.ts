<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>AttributesPanel</name>
    <message>
        <source>Choose a document to see and edit its attributes.</source>
        <translation>Elija un documento para ver y editar sus atributos.</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>Nuevo caso…</translation>
    </message>
    <message>
        <source>Cases this document belongs to:</source>
        <translation>Casos a los que pertenece este documento:</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nuevo caso</translation>
    </message>
    <message>
        <source>Name of the case:</source>
        <translation>Nombre del caso:</translation>
    </message>
</context>
<context>
    <name>CodeChooser</name>
    <message>
        <source>Type a label or part of a name</source>
        <translation>Escriba una etiqueta o parte de un nombre</translation>
    </message>
    <message>
        <source>The codebook has no codes to choose from yet.</source>
        <translation>El libro de códigos aún no tiene códigos para elegir.</translation>
    </message>
    <message>
        <source>No code matches “{0}”.</source>
        <translation>Ningún código coincide con «{0}».</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>Definition</source>
        <extracomment>Called with the changed fields when the user presses OK; returns an error message to show (the dialog stays open) or None (the dialog closes).</extracomment>
        <translation>Definición</translation>
    </message>
    <message>
        <source>What the code means, in a sentence or two.</source>
        <translation>Qué significa el código, en una o dos oraciones.</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Incluir</translation>
    </message>
    <message>
        <source>When to apply it.</source>
        <translation>Cuándo aplicarlo.</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>When not to apply it (and which code to use instead).</source>
        <translation>Cuándo no aplicarlo (y qué código usar en su lugar).</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Ejemplo</translation>
    </message>
    <message>
        <source>A typical passage.</source>
        <translation>Un fragmento típico.</translation>
    </message>
    <message>
        <source>e.g. 1b</source>
        <translation>p. ej., 1b</translation>
    </message>
    <message>
        <source>Can be applied to text (uncheck for a folder)</source>
        <translation>Se puede aplicar al texto (desmarque para una carpeta)</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(sin grupo)</translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation>Código padre:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Etiqueta:</translation>
    </message>
    <message>
        <source>C&amp;olour:</source>
        <translation>C&amp;olor:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Grupo:</translation>
    </message>
    <message>
        <source>A child code is shown under its parent code.</source>
        <translation>Un subcódigo se muestra bajo su código padre.</translation>
    </message>
    <message>
        <source>Colour of the code</source>
        <translation>Color del código</translation>
    </message>
</context>
<context>
    <name>CodeTooltip</name>
    <message>
        <source>{0} code</source>
        <extracomment>Counted nouns, singular and plural (translated where they are shown).</extracomment>
        <translation>{0} código</translation>
    </message>
    <message>
        <source>{0} codes</source>
        <translation>{0} códigos</translation>
    </message>
    <message>
        <source>{0} document</source>
        <translation>{0} documento</translation>
    </message>
    <message>
        <source>{0} documents</source>
        <translation>{0} documentos</translation>
    </message>
    <message>
        <source>{0} segment</source>
        <translation>{0} segmento</translation>
    </message>
    <message>
        <source>{0} segments</source>
        <translation>{0} segmentos</translation>
    </message>
    <message>
        <source>Definition:</source>
        <translation>Definición:</translation>
    </message>
    <message>
        <source>Include:</source>
        <translation>Incluir:</translation>
    </message>
    <message>
        <source>Exclude:</source>
        <translation>Excluir:</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Ejemplo:</translation>
    </message>
    <message>
        <source>{0} in {1}.</source>
        <translation>{0} en {1}.</translation>
    </message>
    <message>
        <source>Not applied yet.</source>
        <translation>Aún no se ha aplicado.</translation>
    </message>
    <message>
        <source>A folder: it groups codes and is not applied to text.</source>
        <translation>Una carpeta: agrupa códigos y no se aplica al texto.</translation>
    </message>
    <message>
        <source>With its child codes: {0}.</source>
        <translation>Con sus subcódigos: {0}.</translation>
    </message>
</context>
<context>
    <name>CodebookModel</name>
    <message>
        <source>Ungrouped</source>
        <translation>Sin grupo</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Label and name of the code</source>
        <translation>Etiqueta y nombre del código</translation>
    </message>
    <message>
        <source>Coded segments</source>
        <translation>Segmentos codificados</translation>
    </message>
    <message>
        <source>Move code</source>
        <translation>Mover código</translation>
    </message>
    <message>
        <source>Move codes</source>
        <translation>Mover códigos</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <source>This codebook has no codes yet.

Add a code with the + button, or import a codebook: File &gt; Import codebook.</source>
        <translation>Este libro de códigos aún no tiene códigos.

Agregue un código con el botón +, o importe un libro de códigos: Archivo &gt; Importar libro de códigos.</translation>
    </message>
    <message>
        <source>Filter codes (label, name, definition)</source>
        <extracomment>The dialog the panel has open, if any (window-modal, not blocking).</extracomment>
        <translation>Filtrar códigos (etiqueta, nombre, definición)</translation>
    </message>
    <message>
        <source>New code…</source>
        <translation>Nuevo código…</translation>
    </message>
    <message>
        <source>+ Code</source>
        <translation>+ Código</translation>
    </message>
    <message>
        <source>Add a code to the selected group</source>
        <translation>Agregar un código al grupo seleccionado</translation>
    </message>
    <message>
        <source>New child code…</source>
        <translation>Nuevo subcódigo…</translation>
    </message>
    <message>
        <source>+ Child</source>
        <translation>+ Sub</translation>
    </message>
    <message>
        <source>Add a code under the selected code</source>
        <translation>Agregar un código bajo el código seleccionado</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit the name, label, colour, group and rules of the code</source>
        <translation>Editar el nombre, la etiqueta, el color, el grupo y las reglas del código</translation>
    </message>
    <message>
        <source>Recolour…</source>
        <translation>Cambiar color…</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Change the colour of the code</source>
        <translation>Cambiar el color del código</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Fusionar con…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Unir</translation>
    </message>
    <message>
        <source>Move the code&apos;s segments and children into another code, then delete it</source>
        <translation>Pasar los segmentos y subcódigos del código a otro código y luego eliminarlo</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Delete the code (asks first; undoable)</source>
        <translation>Eliminar el código (pide confirmación; se puede deshacer)</translation>
    </message>
    <message>
        <source>No code matches “{0}”.</source>
        <translation>Ningún código coincide con «{0}».</translation>
    </message>
    <message>
        <source>New child code</source>
        <translation>Nuevo subcódigo</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Nuevo código</translation>
    </message>
    <message>
        <source>The code was deleted meanwhile.</source>
        <translation>Mientras tanto, alguien más eliminó el código.</translation>
    </message>
    <message>
        <source>Press OK again to save your version over theirs, or Cancel to keep theirs.</source>
        <translation>Presione Aceptar de nuevo para sobrescribir la otra versión con la suya, o Cancelar para conservar la otra versión.</translation>
    </message>
    <message>
        <source>Edit code {0}</source>
        <translation>Editar código {0}</translation>
    </message>
    <message>
        <source>Colour of {0}</source>
        <translation>Color de {0}</translation>
    </message>
</context>
<context>
    <name>DeleteCodeDialog</name>
    <message>
        <source>{0} child code</source>
        <extracomment>Counted nouns, singular and plural (translated where they are shown).</extracomment>
        <translation>{0} subcódigo</translation>
    </message>
    <message>
        <source>{0} child codes</source>
        <translation>{0} subcódigos</translation>
    </message>
    <message>
        <source>{0} coded segment</source>
        <translation>{0} segmento codificado</translation>
    </message>
    <message>
        <source>{0} coded segments</source>
        <translation>{0} segmentos codificados</translation>
    </message>
    <message>
        <source>{0} segment</source>
        <translation>{0} segmento</translation>
    </message>
    <message>
        <source>{0} segments</source>
        <translation>{0} segmentos</translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Eliminar código</translation>
    </message>
    <message>
        <source>Delete “{0}” and its {1}?</source>
        <translation>¿Eliminar «{0}» y sus {1}?</translation>
    </message>
    <message>
        <source>Delete “{0}”?</source>
        <translation>¿Eliminar «{0}»?</translation>
    </message>
    <message>
        <source>{0} will be affected.</source>
        <translation>Esto afecta a {0}.</translation>
    </message>
    <message>
        <source>Delete them, or move them to the parent code “{0}”?</source>
        <translation>¿Eliminarlos o moverlos al código padre «{0}»?</translation>
    </message>
    <message>
        <source>No passage is coded with it.</source>
        <translation>Ningún fragmento está codificado con él.</translation>
    </message>
    <message>
        <source>You can undo this with Edit &gt; Undo (Ctrl+Z).</source>
        <translation>Puede deshacerlo con Edición &gt; Deshacer (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Delete code and segments</source>
        <translation>Eliminar código y segmentos</translation>
    </message>
    <message>
        <source>Move segments to parent</source>
        <translation>Mover segmentos al código padre</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Document</source>
        <extracomment>Attribute roles shown as columns, after name, source type, length and segments.</extracomment>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Source type</source>
        <translation>Tipo de fuente</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Caracteres</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmentos</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Filter documents</source>
        <translation>Filtrar documentos</translation>
    </message>
    <message>
        <source>No transcripts yet.

Drop files here or use File &gt; Import transcripts.</source>
        <translation>Aún no hay transcripciones.

Arrastre archivos aquí o use Archivo &gt; Importar transcripciones.</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Who is coding?</source>
        <translation>¿Quién codifica?</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Color…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>Iniciales</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Your segments carry your name. Pick yourself from the list, or type a new name.</source>
        <translation>Sus segmentos llevan su nombre. Elíjase en la lista o escriba un nombre nuevo.</translation>
    </message>
    <message>
        <source>Your colour</source>
        <translation>Su color</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import transcripts</source>
        <translation>Importar transcripciones</translation>
    </message>
    <message>
        <source>Transcripts ({0})</source>
        <translation>Transcripciones ({0})</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importación</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was stored.</source>
        <translation>Importación cancelada; no se guardó nada.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>La importación falló</translation>
    </message>
    <message>
        <source>{0} imported, {1} duplicates, {2} failed.</source>
        <translation>Importados: {0}; duplicados: {1}; con errores: {2}.</translation>
    </message>
    <message>
        <source>• {0}: same content as “{1}”, not imported again</source>
        <translation>• {0}: mismo contenido que «{1}», no se importó de nuevo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Coding Workbench</source>
        <translation>Coding Workbench</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Codificar</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>E&amp;quipo</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nuevo proyecto…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Abrir proyecto…</translation>
    </message>
    <message>
        <source>Open &amp;server project…</source>
        <translation>Abrir proyecto en se&amp;rvidor…</translation>
    </message>
    <message>
        <source>Open the &amp;demo project</source>
        <translation>Abrir el proyecto de &amp;demostración</translation>
    </message>
    <message>
        <source>&amp;Import transcripts…</source>
        <translation>&amp;Importar transcripciones…</translation>
    </message>
    <message>
        <source>Import code&amp;book (CSV)…</source>
        <translation>Importar &amp;libro de códigos (CSV)…</translation>
    </message>
    <message>
        <source>Import &amp;codings (CSV)…</source>
        <translation>Importar c&amp;odificaciones (CSV)…</translation>
    </message>
    <message>
        <source>Import a REFI-QDA project or codebook (.qdpx, .qdc)…</source>
        <translation>Importar un proyecto o libro de códigos REFI-QDA (.qdpx, .qdc)…</translation>
    </message>
    <message>
        <source>Export codings (CSV)…</source>
        <translation>Exportar codificaciones (CSV)…</translation>
    </message>
    <message>
        <source>Export codebook (CSV)…</source>
        <translation>Exportar libro de códigos (CSV)…</translation>
    </message>
    <message>
        <source>Export for NVivo, ATLAS.ti, MAXQDA (.qdpx)…</source>
        <translation>Exportar para NVivo, ATLAS.ti, MAXQDA (.qdpx)…</translation>
    </message>
    <message>
        <source>Export codebook for other tools (.qdc)…</source>
        <translation>Exportar libro de códigos para otras herramientas (.qdc)…</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>&amp;Cerrar proyecto</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Find in all documents</source>
        <translation>&amp;Buscar en todos los documentos</translation>
    </message>
    <message>
        <source>&amp;Quick code…</source>
        <translation>&amp;Codificar rápido…</translation>
    </message>
    <message>
        <source>Code in &amp;vivo</source>
        <translation>Codificar in &amp;vivo</translation>
    </message>
    <message>
        <source>Code with a &amp;recent code</source>
        <translation>Codificar con un código &amp;reciente</translation>
    </message>
    <message>
        <source>Recent code {0}</source>
        <translation>Código reciente {0}</translation>
    </message>
    <message>
        <source>&amp;Switch coder…</source>
        <translation>&amp;Cambiar de codificador/a…</translation>
    </message>
    <message>
        <source>Show &amp;other coders&apos; codings</source>
        <translation>Mostrar las codificaciones del &amp;resto del equipo</translation>
    </message>
    <message>
        <source>&amp;About Coding Workbench</source>
        <translation>&amp;Acerca de Coding Workbench</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>&amp;Idioma de la interfaz</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>No se puede abrir el proyecto</translation>
    </message>
    <message>
        <source>The project was updated from an older version; a backup is at {0}</source>
        <translation>El proyecto se actualizó desde una versión anterior; hay una copia de seguridad en {0}</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>No se puede crear el proyecto</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>No se pudo realizar</translation>
    </message>
    <message>
        <source>{0} — Coding Workbench</source>
        <translation>{0} — Coding Workbench</translation>
    </message>
    <message>
        <source>coder: {0} ({1})</source>
        <translation>codificador/a: {0} ({1})</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Import a codebook</source>
        <translation>Importar un libro de códigos</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Import codebook</source>
        <translation>Importar libro de códigos</translation>
    </message>
    <message>
        <source>Codebook not imported</source>
        <translation>No se importó el libro de códigos</translation>
    </message>
    <message>
        <source>{0} codes created, {1} updated</source>
        <translation>Códigos creados: {0}; actualizados: {1}</translation>
    </message>
    <message>
        <source>Import codings</source>
        <translation>Importar codificaciones</translation>
    </message>
    <message>
        <source>Codings not imported</source>
        <translation>No se importaron las codificaciones</translation>
    </message>
    <message>
        <source>{0} segments added, {1} already present, {2} refused.</source>
        <translation>Segmentos agregados: {0}; ya existentes: {1}; rechazados: {2}.</translation>
    </message>
    <message>
        <source>Line {0}: {1}</source>
        <translation>Línea {0}: {1}</translation>
    </message>
    <message>
        <source>New codes: {0}</source>
        <translation>Códigos nuevos: {0}</translation>
    </message>
    <message>
        <source>Codings imported</source>
        <translation>Codificaciones importadas</translation>
    </message>
    <message>
        <source>Export codings</source>
        <translation>Exportar codificaciones</translation>
    </message>
    <message>
        <source>{0} segments written to {1}</source>
        <translation>Segmentos escritos en {1}: {0}</translation>
    </message>
    <message>
        <source>Export codebook</source>
        <translation>Exportar libro de códigos</translation>
    </message>
    <message>
        <source>{0} codes written to {1}</source>
        <translation>Códigos escritos en {1}: {0}</translation>
    </message>
    <message>
        <source>Import a REFI-QDA file</source>
        <translation>Importar un archivo REFI-QDA</translation>
    </message>
    <message>
        <source>REFI-QDA files (*.qdpx *.qdc *.qde)</source>
        <translation>Archivos REFI-QDA (*.qdpx *.qdc *.qde)</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>No se importó</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importación completada</translation>
    </message>
    <message>
        <source>REFI-QDA project (*.qdpx)</source>
        <translation>Proyecto REFI-QDA (*.qdpx)</translation>
    </message>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>Libro de códigos REFI-QDA (*.qdc)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>No se exportó</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportación completada</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>El nuevo idioma se usará a partir del próximo inicio.</translation>
    </message>
    <message>
        <source>About Coding Workbench</source>
        <translation>Acerca de Coding Workbench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Coding Workbench {0}&lt;/h3&gt;&lt;p&gt;Qualitative coding of interview and focus-group transcripts.&lt;/p&gt;&lt;p&gt;Open source (MIT). Built with Qt for Python (PySide6, LGPL), SQLAlchemy and Alembic (MIT), pandas (BSD), python-docx (MIT), pypdf (BSD), pyqtgraph (MIT).&lt;/p&gt;&lt;p&gt;Logs: {1}&lt;br&gt;Backups of migrated projects are kept next to the project file.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Coding Workbench {0}&lt;/h3&gt;&lt;p&gt;Codificación cualitativa de transcripciones de entrevistas y grupos focales.&lt;/p&gt;&lt;p&gt;Código abierto (MIT). Hecho con Qt for Python (PySide6, LGPL), SQLAlchemy y Alembic (MIT), pandas (BSD), python-docx (MIT), pypdf (BSD), pyqtgraph (MIT).&lt;/p&gt;&lt;p&gt;Registros: {1}&lt;br&gt;Las copias de seguridad de los proyectos migrados se guardan junto al archivo del proyecto.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MemosPanel</name>
    <message>
        <source>New memo</source>
        <translation>Nuevo memo</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Write here; the memo is saved as you type.</source>
        <translation>Escriba aquí; el memo se guarda mientras escribe.</translation>
    </message>
    <message>
        <source>Memos on</source>
        <translation>Memos sobre</translation>
    </message>
    <message>
        <source>the project</source>
        <translation>el proyecto</translation>
    </message>
    <message>
        <source>document: {0}</source>
        <translation>documento: {0}</translation>
    </message>
    <message>
        <source>code: {0}</source>
        <translation>código: {0}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Last changed {0}</source>
        <translation>Último cambio: {0}</translation>
    </message>
    <message>
        <source>No memo here yet: New memo starts one.</source>
        <translation>Aún no hay memos aquí: «Nuevo memo» crea uno.</translation>
    </message>
</context>
<context>
    <name>MergeCodeDialog</name>
    <message>
        <source>Merge code</source>
        <translation>Fusionar código</translation>
    </message>
    <message>
        <source>Merge “{0}” into the code you choose: its {1} and its child codes move there, and “{2}” is deleted. You can undo this.</source>
        <translation>Fusionar «{0}» con el código que elija: sus {1} y sus subcódigos pasan a ese código, y «{2}» se elimina. Puede deshacerlo.</translation>
    </message>
    <message>
        <source>Filter: label or part of a name</source>
        <translation>Filtro: etiqueta o parte de un nombre</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionar</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>Nuevo proyecto</translation>
    </message>
    <message>
        <source>Where to save the project file (.qdb)</source>
        <translation>Ubicación del proyecto (.qdb)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Start from the USMCA evaluation codebook</source>
        <translation>Partir del libro de códigos de la evaluación del T-MEC</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Codebook language</source>
        <translation>Idioma del libro de códigos</translation>
    </message>
    <message>
        <source>Projects (*.qdb)</source>
        <translation>Proyectos (*.qdb)</translation>
    </message>
</context>
<context>
    <name>QuickCodePalette</name>
    <message>
        <source>Code the selection</source>
        <translation>Codificar la selección</translation>
    </message>
    <message>
        <source>Type a label (1b) or part of a name</source>
        <translation>Escriba una etiqueta (1b) o parte de un nombre</translation>
    </message>
    <message>
        <source>Enter: code with the highlighted match   ↑ ↓: choose   Esc: cancel</source>
        <translation>Enter: codificar con el código resaltado   ↑ ↓: elegir   Esc: cancelar</translation>
    </message>
</context>
<context>
    <name>RetrievalModel</name>
    <message>
        <source>Quote</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codificador/a</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
</context>
<context>
    <name>RetrievalPanel</name>
    <message>
        <source>Select codes in the codebook to see their passages.</source>
        <translation>Seleccione códigos en el libro de códigos para ver sus fragmentos.</translation>
    </message>
    <message>
        <source>Coder:</source>
        <translation>Codificador/a:</translation>
    </message>
    <message>
        <source>Attribute:</source>
        <translation>Atributo:</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Todo el equipo</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>{0} passages in {1} documents</source>
        <translation>Fragmentos: {0} · Documentos: {1}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search: words, prefix*, &quot;a phrase&quot;</source>
        <extracomment>Asks the user for a code; returns its id or None.</extracomment>
        <translation>Buscar: palabras, prefijo*, &quot;una frase&quot;</translation>
    </message>
    <message>
        <source>any term</source>
        <translation>cualquier término</translation>
    </message>
    <message>
        <source>all terms in a document</source>
        <translation>todos los términos en un documento</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>the hits</source>
        <translation>los resultados</translation>
    </message>
    <message>
        <source>their paragraphs</source>
        <translation>sus párrafos</translation>
    </message>
    <message>
        <source>Code all hits…</source>
        <translation>Codificar todos…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Codificar</translation>
    </message>
    <message>
        <source>{0} hits in {1} documents</source>
        <translation>Resultados: {0} · Documentos: {1}</translation>
    </message>
    <message>
        <source>Every hit is coded with that code already.</source>
        <translation>Todos los resultados ya están codificados con ese código.</translation>
    </message>
    <message>
        <source>Coded {0} passages. Edit &gt; Undo takes them back.</source>
        <translation>Fragmentos codificados: {0}. Edición &gt; Deshacer los revierte.</translation>
    </message>
</context>
<context>
    <name>SegmentMemoDialog</name>
    <message>
        <source>Segment memo</source>
        <translation>Memo del segmento</translation>
    </message>
    <message>
        <source>Why this passage, doubts, links to other passages…</source>
        <translation>Por qué este fragmento, dudas, vínculos con otros fragmentos…</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Coding Workbench</source>
        <translation>Coding Workbench</translation>
    </message>
    <message>
        <source>Code interview and focus-group transcripts, check agreement, export appendices.</source>
        <translation>Codificar transcripciones de entrevistas y grupos focales, revisar el acuerdo entre codificadores, exportar anexos.</translation>
    </message>
    <message>
        <source>Projects you open will be listed here.</source>
        <translation>Aquí aparecerán los proyectos que abra.</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>Nuevo proyecto…</translation>
    </message>
    <message>
        <source>Open a project file…</source>
        <translation>Abrir un archivo de proyecto…</translation>
    </message>
    <message>
        <source>Open a server project…</source>
        <translation>Abrir un proyecto en servidor…</translation>
    </message>
    <message>
        <source>Open the demo project</source>
        <translation>Abrir el proyecto de demostración</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent projects&lt;/b&gt;</source>
        <translation>&lt;b&gt;Proyectos recientes&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>Abrir un proyecto</translation>
    </message>
    <message>
        <source>Projects (*.qdb)</source>
        <translation>Proyectos (*.qdb)</translation>
    </message>
    <message>
        <source>Open a server project</source>
        <translation>Abrir un proyecto en servidor</translation>
    </message>
    <message>
        <source>Database URL, for example postgresql+psycopg://ana@server/evaluation:</source>
        <translation>URL de la base de datos, por ejemplo postgresql+psycopg://ana@servidor/evaluacion:</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <source>code {0}</source>
        <translation>código {0}</translation>
    </message>
    <message>
        <source>coder {0}</source>
        <translation>codificador/a {0}</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Choose a document on the left, or import transcripts with File &gt; Import</source>
        <translation>Elija un documento a la izquierda o importe transcripciones con Archivo &gt; Importar transcripciones</translation>
    </message>
    <message>
        <source>Code selection…</source>
        <extracomment>The selected text changed: (start, end) in code points, (-1, -1) when none. A segment was selected (clicked in the text or its stripe); -1 when none is. The user asked to pick a code for the selected text (the quick-code palette). The user asked to give a segment another code.</extracomment>
        <translation>Codificar selección…</translation>
    </message>
    <message>
        <source>Code in vivo</source>
        <translation>Codificar in vivo</translation>
    </message>
    <message>
        <source>Change code…</source>
        <translation>Cambiar código…</translation>
    </message>
    <message>
        <source>Edit memo…</source>
        <translation>Editar memo…</translation>
    </message>
    <message>
        <source>Resize to selection</source>
        <translation>Ajustar a la selección</translation>
    </message>
    <message>
        <source>Remove segment</source>
        <translation>Quitar segmento</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Retrieval</source>
        <translation>Recuperación</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memos</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Atributos</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Libro de códigos</translation>
    </message>
    <message>
        <source>Retrieval, search, memos</source>
        <translation>Recuperación, búsqueda, memos</translation>
    </message>
    <message>
        <source>Select a passage in the transcript first.</source>
        <translation>Primero seleccione un fragmento en la transcripción.</translation>
    </message>
    <message>
        <source>No code has been used {0} times back yet.</source>
        <translation>Aún no hay {0} códigos usados recientemente.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Coding Workbench</source>
        <translation>Coding Workbench</translation>
    </message>
    <message>
        <source>Something went wrong. Your project is safe: every change you made before this was saved. The report below is also in the log at {0}.</source>
        <translation>Algo salió mal. Su proyecto está a salvo: todos los cambios que hizo antes de esto se guardaron. El informe de abajo también está en el registro, en {0}.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copiar informe</translation>
    </message>
</context>
</TS>
